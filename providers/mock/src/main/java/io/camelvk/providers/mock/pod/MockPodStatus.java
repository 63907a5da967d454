package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A mock pod's status as the kubelet reports one: its IP, start time and containers' statuses. */
final class MockPodStatus {

  static final String CONTAINERS_READY = "ContainersReady";

  private final SimulatedPod pod;

  MockPodStatus(SimulatedPod pod) {
    this.pod = pod;
  }

  PodStatus at(Instant now) {
    List<ContainerStatus> init =
        pod.pod().getSpec().getInitContainers().stream().map(c -> initStatus(c, now)).toList();
    List<ContainerStatus> app =
        pod.pod().getSpec().getContainers().stream().map(c -> status(c, now)).toList();
    return new PodStatusBuilder()
        .withPodIP(PodAddress.of(pod.uid(), pod.behaviour().podIp()))
        .withStartTime(KubeletStates.format(pod.created()))
        .withInitContainerStatuses(init)
        .withContainerStatuses(app)
        .withEphemeralContainerStatuses(
            EphemeralAsContainers.of(pod.pod()).stream().map(c -> status(c, now)).toList())
        .withConditions(readinessFailure(now).stream().toList())
        .build();
  }

  /**
   * A failed readiness probe's message, the way a provider gives it to the core: a ContainersReady
   * condition, False, with the kubelet's message (docs/providers/README.md).
   */
  private Optional<PodCondition> readinessFailure(Instant now) {
    return Stream.concat(
            pod.pod().getSpec().getInitContainers().stream(),
            pod.pod().getSpec().getContainers().stream())
        .flatMap(
            c ->
                ContainerProbes.of(c, pod.behaviour())
                    .readinessFailure(pod.timeline(c.getName()).at(now), now)
                    .stream())
        .findFirst()
        .map(
            message ->
                new PodConditionBuilder()
                    .withType(CONTAINERS_READY)
                    .withStatus("False")
                    .withMessage(message)
                    .build());
  }

  private ContainerStatus status(Container container, Instant now) {
    ContainerTimeline.Moment moment = pod.timeline(container.getName()).at(now);
    ContainerProbes probes = ContainerProbes.of(container, pod.behaviour());
    CarriedOver before = pod.carriedOver(container.getName());
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("mock://" + container.getImage())
        .withContainerID(pod.ref(container).containerId(before.restarts() + moment.instance()))
        .withState(pulling(moment.state(), container, before, now))
        .withLastState(moment.lastState() != null ? moment.lastState() : before.lastState())
        .withRestartCount(before.restarts() + moment.restartCount())
        .withReady(probes.ready(moment, now))
        .withStarted(probes.started(moment, now))
        .withResources(pod.resources(container, now))
        .build();
  }

  /**
   * A container of a pod with a start delay waits in ContainerCreating while its first instance is
   * due: the mock's image pull, which it reports the way the core reads a pull (docs/providers).
   */
  private ContainerState pulling(
      ContainerState state, Container container, CarriedOver before, Instant now) {
    boolean firstStart =
        before.restarts() == 0
            && !pod.behaviour().startDelay().isZero()
            && now.isBefore(pod.created().plus(pod.behaviour().startDelay()));
    if (!firstStart
        || state.getWaiting() == null
        || !ContainerSchedule.CONTAINER_CREATING.equals(state.getWaiting().getReason())) {
      return state;
    }
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(ContainerSchedule.CONTAINER_CREATING)
        .withMessage("Pulling image \"" + container.getImage() + "\"")
        .endWaiting()
        .build();
  }

  /**
   * An init container is ready once it completed (exit 0), as the kubelet reports it; a sidecar as
   * its probes say (while it runs, when it has none).
   */
  private ContainerStatus initStatus(Container container, Instant now) {
    ContainerStatus status = status(container, now);
    if (PodStartOrder.isSidecar(container)) {
      return status;
    }
    var terminated = status.getState().getTerminated();
    status.setReady(terminated != null && terminated.getExitCode() == 0);
    return status;
  }
}
