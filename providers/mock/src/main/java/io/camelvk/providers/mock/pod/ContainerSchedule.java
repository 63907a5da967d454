package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a container runs within its pod: when it may start ({@link StartGate}), the waiting reason
 * it shows until then, and when the pod stops it for good (sidecars, once a Job pod's regular
 * containers are done).
 *
 * @param stoppedBy the instant the pod stops the container, if it does by the instant given
 */
public record ContainerSchedule(
    StartGate start, String waitingReason, Function<Instant, Optional<Instant>> stoppedBy) {

  /** The kubelet's waiting reason for containers of a pod without init containers. */
  public static final String CONTAINER_CREATING = "ContainerCreating";

  /** The kubelet's waiting reason for every container of a pod with init containers. */
  public static final String POD_INITIALIZING = "PodInitializing";

  /** This schedule, but starting at {@code start}: an update restarted the container then. */
  public ContainerSchedule from(Instant start) {
    return new ContainerSchedule(StartGate.at(start), waitingReason, stoppedBy);
  }

  /** A container that starts at {@code start} and is never stopped by its pod. */
  public static ContainerSchedule at(Instant start) {
    return new ContainerSchedule(StartGate.at(start), CONTAINER_CREATING, now -> Optional.empty());
  }

  /**
   * The container as its pod stopped it at {@code stop}, from {@code last}, its moment then: a
   * running instance ends with exit 0 (as a process that ends on SIGTERM at once), one waiting to
   * restart keeps its last exit.
   */
  static ContainerTimeline.Moment stopped(
      ContainerTimeline.Moment last, Instant stop, ContainerRef ref) {
    if (last.state().getRunning() != null) {
      ContainerState ended =
          KubeletStates.terminated(
              0, null, last.instanceStart(), stop, ref.containerId(last.instance()));
      return new ContainerTimeline.Moment(
          ended, last.lastState(), last.restartCount(), last.instance(), last.instanceStart());
    }
    if (last.state().getWaiting() == null || last.lastState() == null) {
      return last;
    }
    return new ContainerTimeline.Moment(
        last.lastState(), null, last.restartCount(), last.instance(), last.instanceStart());
  }
}
