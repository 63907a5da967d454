package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The create, update and delete commands about a pod, and what the pod shows while no worker has
 * answered its create.
 */
final class PodCommands {

  /** A command, and the status to report before it is sent, if any. */
  record Outgoing(
      String uid, String sequence, String command, Optional<PodStatus> awaitingStatus) {}

  private final PodSequences sequences;
  private final ReplyOrder order;
  private final UnansweredCreates unanswered;
  private final String node;
  private final String destination;
  private final Clock clock;

  PodCommands(
      PodSequences sequences,
      ReplyOrder order,
      UnansweredCreates unanswered,
      String node,
      String destination,
      Clock clock) {
    this.sequences = sequences;
    this.order = order;
    this.unanswered = unanswered;
    this.node = node;
    this.destination = destination;
    this.clock = clock;
  }

  Outgoing command(String type, Pod pod, Long gracePeriodSeconds) {
    String uid = pod.getMetadata().getUid();
    String sequence = sequences.next(uid);
    ObjectNode event = CloudEvents.event(type, node, clock);
    event.put("subject", pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
    event.put("poduid", uid);
    event.put("sequence", sequence);
    if (gracePeriodSeconds != null) {
      event.put("graceperiodseconds", gracePeriodSeconds);
    }
    event.set("data", CloudEvents.JSON.valueToTree(pod));
    Optional<PodStatus> awaiting = Optional.empty();
    ReplyOrder.Place waiting = new ReplyOrder.Place(sequence, ReplyOrder.AWAITING_WORKER);
    if (CloudEvents.CREATE.equals(type) && !order.workerAnswered(uid)) {
      awaiting = Optional.of(awaitingWorker(pod));
      order.applied(uid, waiting);
      unanswered.sent(
          new UnansweredCreates.Unanswered(
              pod.getMetadata().getNamespace(),
              pod.getMetadata().getName(),
              uid,
              sequence,
              clock.instant(),
              pod.getSpec().getContainers().stream().map(c -> c.getName()).toList()));
    }
    if (CloudEvents.DELETE.equals(type)) {
      sequences.forget(uid);
      unanswered.forget(uid);
    }
    return new Outgoing(uid, sequence, CloudEvents.write(event), awaiting);
  }

  private PodStatus awaitingWorker(Pod pod) {
    String message =
        "no worker has answered yet: the create was sent to "
            + destination
            + " at "
            + clock.instant();
    List<ContainerStatus> containers =
        pod.getSpec().getContainers().stream()
            .map(
                c ->
                    new ContainerStatusBuilder()
                        .withName(c.getName())
                        .withImage(c.getImage())
                        .withReady(false)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("WaitingForWorker")
                        .withMessage(message)
                        .endWaiting()
                        .endState()
                        .build())
            .toList();
    return new PodStatusBuilder().withContainerStatuses(containers).build();
  }
}
