package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which the kubelet stops a pod's running containers (kuberuntime's {@code
 * terminationOrdering}): the regular containers (and a running init container that is not a
 * sidecar) at once; each sidecar once all regular containers and the next sidecar declared after it
 * have stopped, or the grace period ran out. Each container gets what is left of the grace period
 * when its turn comes and is killed when that ends.
 *
 * <p>Unlike the kubelet, which gives every container at least 2 s ({@code
 * minimumGracePeriodInSeconds}) and so may stop a sidecar up to 2 s after the grace period, every
 * container here has stopped when the grace period ends.
 */
public final class TerminationOrder {

  /** When a container stopped, counted from the start of the pod's stop, and whether by force. */
  public record Stopped(Duration after, boolean killed) {}

  private final Duration stopDuration;
  private final Duration gracePeriod;

  /**
   * @param stopDuration how long each container takes to stop when asked
   * @param gracePeriod the pod's grace period for the whole stop
   */
  public TerminationOrder(Duration stopDuration, Duration gracePeriod) {
    this.stopDuration = stopDuration;
    this.gracePeriod = gracePeriod.isNegative() ? Duration.ZERO : gracePeriod;
  }

  /** The stops of the containers named in {@code running}, in the order they are asked to stop. */
  public Map<String, Stopped> stops(PodSpec spec, Set<String> running) {
    Map<String, Stopped> stops = new LinkedHashMap<>();
    Duration regularDone = Duration.ZERO;
    for (Container container : spec.getContainers()) {
      if (running.contains(container.getName())) {
        Stopped stopped = stopFrom(Duration.ZERO);
        stops.put(container.getName(), stopped);
        regularDone = max(regularDone, stopped.after());
      }
    }
    List<Container> init = spec.getInitContainers();
    Duration laterSidecarDone = Duration.ZERO;
    for (Container container : init.reversed()) {
      if (!running.contains(container.getName())) {
        laterSidecarDone = PodStartOrder.isSidecar(container) ? Duration.ZERO : laterSidecarDone;
        continue;
      }
      if (!PodStartOrder.isSidecar(container)) {
        stops.put(container.getName(), stopFrom(Duration.ZERO));
        continue;
      }
      Stopped stopped = stopFrom(turn(max(regularDone, laterSidecarDone)));
      stops.put(container.getName(), stopped);
      laterSidecarDone = stopped.after();
    }
    return stops;
  }

  /** A container waits for its turn at most as long as the grace period (none without grace). */
  private Duration turn(Duration prerequisitesDone) {
    return gracePeriod.isZero() ? Duration.ZERO : min(prerequisitesDone, gracePeriod);
  }

  private Stopped stopFrom(Duration turn) {
    Duration left = gracePeriod.minus(turn);
    return stopDuration.compareTo(left) <= 0
        ? new Stopped(turn.plus(stopDuration), false)
        : new Stopped(turn.plus(left), true);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
