package io.camelvk.providers.mock.pod;

import io.camelvk.provider.ProviderException;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A mock pod's containers stopping like processes sent SIGTERM: they take the pod's stop duration
 * and exit 0, or, when that is longer than the grace period, are killed when it ends (exit code
 * 137, as a runtime reports SIGKILL).
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
    Duration stopping = pod.behaviour().stopDuration();
    boolean killed = stopping.compareTo(gracePeriod) > 0;
    try {
      Thread.sleep(killed ? gracePeriod : stopping);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure("mock: stop of " + pod.uid() + " interrupted");
    }
    PodStatus before = pod.status(clock.instant());
    String now = KubeletStates.format(clock.instant());
    return new PodStatusBuilder()
        .withInitContainerStatuses(terminated(before.getInitContainerStatuses(), killed, now))
        .withContainerStatuses(terminated(before.getContainerStatuses(), killed, now))
        .build();
  }

  private static List<ContainerStatus> terminated(
      List<ContainerStatus> statuses, boolean killed, String now) {
    return statuses.stream()
        .filter(s -> s.getState() != null && s.getState().getRunning() != null)
        .map(
            s ->
                new ContainerStatusBuilder(s)
                    .withState(
                        new ContainerStateBuilder()
                            .withNewTerminated()
                            .withExitCode(killed ? KILLED : 0)
                            .withReason(killed ? KILLED_REASON : STOPPED_REASON)
                            .withStartedAt(s.getState().getRunning().getStartedAt())
                            .withFinishedAt(now)
                            .withContainerID(s.getContainerID())
                            .endTerminated()
                            .build())
                    .build())
        .toList();
  }
}
