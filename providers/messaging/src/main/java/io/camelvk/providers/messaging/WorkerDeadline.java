package io.camelvk.providers.messaging;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fails the pods whose create no worker answered within the deadline, and withdraws each with a
 * delete command, so that a worker taking the create late stops the pod again. A delete the broker
 * does not take (it is away) is sent again at every check until it does.
 */
final class WorkerDeadline {

  private static final long WITHDRAWN_GRACE_SECONDS = 2;

  private final UnansweredCreates unanswered;
  private final ReplyOrder order;
  private final PodCommands commands;
  private final CoreReports reports;
  private final Supplier<MessagingCounters> counters;
  private final Map<String, PodCommands.Outgoing> withdrawals = new ConcurrentHashMap<>();

  WorkerDeadline(
      UnansweredCreates unanswered,
      ReplyOrder order,
      PodCommands commands,
      CoreReports reports,
      Supplier<MessagingCounters> counters) {
    this.unanswered = unanswered;
    this.order = order;
    this.commands = commands;
    this.reports = reports;
    this.counters = counters;
  }

  void failOverdue() {
    for (UnansweredCreates.Failure failure : unanswered.overdue()) {
      UnansweredCreates.Unanswered create = failure.create();
      ReplyOrder.Verdict verdict =
          order.applyIfNewer(
              create.uid(),
              failure.place(),
              () ->
                  reports.status(
                      create.namespace(), create.name(), create.uid(), failure.status()));
      if (verdict != ReplyOrder.Verdict.NEWER) {
        continue;
      }
      withdrawals.put(
          create.uid(), commands.command(CloudEvents.DELETE, pod(create), WITHDRAWN_GRACE_SECONDS));
    }
    sendWithdrawals();
  }

  /** Stops at the first the broker refuses: it is away, and the next check tries them all again. */
  private void sendWithdrawals() {
    for (PodCommands.Outgoing delete : List.copyOf(withdrawals.values())) {
      try {
        reports.command(delete);
      } catch (RuntimeException brokerAway) {
        return;
      }
      withdrawals.remove(delete.uid());
      counters.get().sent(CloudEvents.DELETE);
    }
  }

  /** How many withdrawing deletes wait for the broker. */
  int unsent() {
    return withdrawals.size();
  }

  private static Pod pod(UnansweredCreates.Unanswered create) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(create.namespace())
        .withName(create.name())
        .withUid(create.uid())
        .endMetadata()
        .withNewSpec()
        .withContainers(
            create.containers().stream()
                .map(name -> new ContainerBuilder().withName(name).build())
                .toList())
        .endSpec()
        .build();
  }
}
