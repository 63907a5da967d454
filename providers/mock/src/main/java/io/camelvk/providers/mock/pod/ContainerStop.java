package io.camelvk.providers.mock.pod;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.TerminationOrder.Stopped;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A mock pod's containers stopping like processes sent SIGTERM, in the kubelet's order (regular
 * containers first, then the sidecars in reverse order, see {@link TerminationOrder}): each takes
 * the pod's stop duration and exits 0, or, when that is longer than what is left of the grace
 * period, is killed when it ends (exit code 137, as a runtime reports SIGKILL).
 */
public final class ContainerStop {

  static final int KILLED = 137;
  static final String KILLED_REASON = "Error";
  static final String STOPPED_REASON = "Completed";

  private final SimulatedPod pod;
  private final Clock clock;

  public ContainerStop(SimulatedPod pod, Clock clock) {
    this.pod = pod;
    this.clock = clock;
  }

  /** Waits as the containers would, then answers their last states. */
  public PodStatus stop(Duration gracePeriod) {
    Instant start = clock.instant();
    PodStatus before = pod.status(start);
    Map<String, Stopped> stops =
        new TerminationOrder(pod.behaviour().stopDuration(), gracePeriod)
            .stops(pod.pod().getSpec(), running(before));
    Duration last =
        stops.values().stream().map(Stopped::after).max(Duration::compareTo).orElse(Duration.ZERO);
    try {
      Thread.sleep(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure("mock: stop of " + pod.uid() + " interrupted");
    }
    return new PodStatusBuilder()
        .withInitContainerStatuses(terminated(before.getInitContainerStatuses(), stops, start))
        .withContainerStatuses(terminated(before.getContainerStatuses(), stops, start))
        .build();
  }

  private static Set<String> running(PodStatus status) {
    return Stream.concat(
            status.getInitContainerStatuses().stream(), status.getContainerStatuses().stream())
        .filter(ContainerStop::isRunning)
        .map(ContainerStatus::getName)
        .collect(Collectors.toSet());
  }

  private static boolean isRunning(ContainerStatus status) {
    return status.getState() != null && status.getState().getRunning() != null;
  }

  private static List<ContainerStatus> terminated(
      List<ContainerStatus> statuses, Map<String, Stopped> stops, Instant start) {
    return statuses.stream()
        .filter(ContainerStop::isRunning)
        .flatMap(
            s ->
                Optional.ofNullable(stops.get(s.getName()))
                    .map(t -> terminated(s, t, start))
                    .stream())
        .toList();
  }

  private static ContainerStatus terminated(ContainerStatus status, Stopped stop, Instant start) {
    return new ContainerStatusBuilder(status)
        .withState(
            new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(stop.killed() ? KILLED : 0)
                .withReason(stop.killed() ? KILLED_REASON : STOPPED_REASON)
                .withStartedAt(status.getState().getRunning().getStartedAt())
                .withFinishedAt(KubeletStates.format(start.plus(stop.after())))
                .withContainerID(status.getContainerID())
                .endTerminated()
                .build())
        .build();
  }
}
