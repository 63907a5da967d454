package io.camelvk.providers.messaging;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates no worker has answered yet. One still unanswered after the deadline fails: its pod gets
 * phase Failed with a message that says no worker answered, and every later reply about it is
 * dropped as stale (a failed pod does not run again).
 */
final class UnansweredCreates {

  record Unanswered(
      String namespace,
      String name,
      String uid,
      String sequence,
      Instant sentAt,
      List<String> containers) {}

  /** A status to report for a pod whose create went unanswered too long. */
  record Failure(Unanswered create, ReplyOrder.Place place, PodStatus status) {}

  private final Map<String, Unanswered> waiting = new ConcurrentHashMap<>();
  private final ReplyOrder order;
  private final Duration deadline;
  private final String destination;
  private final Clock clock;

  UnansweredCreates(ReplyOrder order, Duration deadline, String destination, Clock clock) {
    this.order = order;
    this.deadline = deadline;
    this.destination = destination;
    this.clock = clock;
  }

  void sent(Unanswered create) {
    waiting.put(create.uid(), create);
  }

  void forget(String uid) {
    waiting.remove(uid);
  }

  int size() {
    return waiting.size();
  }

  /** The creates past their deadline without a reply, each taken off the list. */
  List<Failure> overdue() {
    Instant now = clock.instant();
    List<Failure> failures = new ArrayList<>();
    for (Unanswered create : List.copyOf(waiting.values())) {
      if (order.workerAnswered(create.uid())) {
        waiting.remove(create.uid());
      } else if (!create.sentAt().plus(deadline).isAfter(now)) {
        waiting.remove(create.uid());
        failures.add(new Failure(create, ReplyOrder.FINAL, failed(create)));
      }
    }
    return failures;
  }

  private PodStatus failed(Unanswered create) {
    String message =
        "no worker answered the create sent to "
            + destination
            + " at "
            + create.sentAt()
            + " within "
            + deadline.toSeconds()
            + " s";
    List<ContainerStatus> containers =
        create.containers().stream()
            .map(
                name ->
                    new ContainerStatusBuilder()
                        .withName(name)
                        .withReady(false)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("NoWorker")
                        .withMessage(message)
                        .endWaiting()
                        .endState()
                        .build())
            .toList();
    return new PodStatusBuilder()
        .withPhase("Failed")
        .withReason("NoWorker")
        .withMessage(message)
        .withContainerStatuses(containers)
        .build();
  }
}
