package io.camelvk.providers.messaging;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Forgets what the provider keeps about a pod (its reply place, command sequence, unanswered
 * create) once the pod is gone: when a status answering the core's delete command says that none of
 * its containers runs any more, or, when no worker answers, once the grace period and the answer
 * deadline have passed since the delete was sent. {@link ReplyOrder} then remembers the pod as gone
 * for a while, so that a late or repeated reply about it is dropped as stale.
 */
final class DeletedPods {

  private record Deleting(String sequence, Instant forgetAt) {}

  private final Map<String, Deleting> deleting = new ConcurrentHashMap<>();
  private final ReplyOrder order;
  private final PodSequences sequences;
  private final UnansweredCreates unanswered;
  private final Duration answerDeadline;
  private final Clock clock;

  DeletedPods(
      ReplyOrder order,
      PodSequences sequences,
      UnansweredCreates unanswered,
      Duration answerDeadline,
      Clock clock) {
    this.order = order;
    this.sequences = sequences;
    this.unanswered = unanswered;
    this.answerDeadline = answerDeadline;
    this.clock = clock;
  }

  /** The core's delete of the pod went out as the command with this sequence. */
  void sent(String uid, String sequence, Long gracePeriodSeconds) {
    Duration grace = Duration.ofSeconds(gracePeriodSeconds == null ? 0 : gracePeriodSeconds);
    deleting.put(uid, new Deleting(sequence, clock.instant().plus(grace).plus(answerDeadline)));
  }

  /** The pod is to run (again): nothing of it is forgotten. */
  void created(String uid) {
    deleting.remove(uid);
    order.revive(uid);
  }

  /** A worker's status about the pod, applied or dropped. */
  void answered(String uid, String sequence, PodStatus status) {
    Deleting delete = deleting.get(uid);
    if (delete != null && sequence.compareTo(delete.sequence()) >= 0 && ended(status)) {
      forget(uid);
    }
  }

  /** Forgets the deleted pods no worker answered about in time. */
  void forgetOverdue() {
    Instant now = clock.instant();
    deleting.forEach(
        (uid, delete) -> {
          if (!delete.forgetAt().isAfter(now)) {
            forget(uid);
          }
        });
  }

  /** How many deletes wait for their answer. */
  int size() {
    return deleting.size();
  }

  private void forget(String uid) {
    order.forget(uid);
    sequences.forget(uid);
    unanswered.forget(uid);
    deleting.remove(uid);
  }

  /** No container of the pod is in any state but terminated. */
  private static boolean ended(PodStatus status) {
    return Stream.of(status.getContainerStatuses(), status.getInitContainerStatuses())
        .filter(statuses -> statuses != null)
        .flatMap(List::stream)
        .map(ContainerStatus::getState)
        .allMatch(state -> state != null && state.getTerminated() != null);
  }
}
