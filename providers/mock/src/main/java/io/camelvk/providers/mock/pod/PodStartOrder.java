package io.camelvk.providers.mock.pod;

import io.camelvk.providers.mock.pod.InstanceRun.Exit;
import io.fabric8.kubernetes.api.model.Container;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kubelet's order of a pod's containers: the init containers one after another, each once the
 * one before it completed (exited 0) or, for a sidecar (an init container with {@code
 * restartPolicy: Always}), started; the regular containers once all init containers did so.
 * Sidecars are stopped when the pod's regular containers have all ended for good (a Job's pod) or
 * an init container failed for good ({@code restartPolicy: Never}).
 */
final class PodStartOrder {

  /** An init container's restart policy that makes it a sidecar. */
  static final String SIDECAR_RESTART_POLICY = "Always";

  private final List<Container> init;
  private final List<Container> regular;
  private final Instant podStart;
  private final Function<String, ContainerTimeline> timelines;
  private final Function<Container, ContainerProbes> probes;

  /**
   * @param timelines the pod's timeline of a container, by name; asked only once they all exist
   * @param probes a container's probes: a sidecar is started once its startup probe passed
   */
  PodStartOrder(
      List<Container> init,
      List<Container> regular,
      Instant podStart,
      Function<String, ContainerTimeline> timelines,
      Function<Container, ContainerProbes> probes) {
    this.init = init;
    this.regular = regular;
    this.podStart = podStart;
    this.timelines = timelines;
    this.probes = probes;
  }

  static boolean isSidecar(Container container) {
    return SIDECAR_RESTART_POLICY.equals(container.getRestartPolicy());
  }

  /**
   * The restart policy of an init container: a sidecar restarts whatever its exit; another restarts
   * after a failure unless the pod's policy is {@code Never} (its success is its completion).
   */
  static String initRestartPolicy(Container container, String podRestartPolicy) {
    if (isSidecar(container)) {
      return SIDECAR_RESTART_POLICY;
    }
    return "Never".equals(podRestartPolicy) ? "Never" : "OnFailure";
  }

  ContainerSchedule initSchedule(int index) {
    Function<Instant, Optional<Instant>> stop =
        isSidecar(init.get(index)) ? this::sidecarsStoppedBy : now -> Optional.empty();
    return new ContainerSchedule(gateBefore(index), ContainerSchedule.POD_INITIALIZING, stop);
  }

  ContainerSchedule regularSchedule() {
    if (init.isEmpty()) {
      return ContainerSchedule.at(podStart);
    }
    return new ContainerSchedule(
        gateBefore(init.size()), ContainerSchedule.POD_INITIALIZING, now -> Optional.empty());
  }

  /** The gate of the container after the first {@code index} init containers. */
  private StartGate gateBefore(int index) {
    if (index == 0) {
      return StartGate.at(podStart);
    }
    Container before = init.get(index - 1);
    String previous = before.getName();
    if (isSidecar(before)) {
      // The next container starts once the sidecar's first instance is started; the sidecar's
      // probe change at that instant is the pod's change that tells the core.
      return StartGate.after(
          now ->
              timelines
                  .apply(previous)
                  .startedBy(now)
                  .map(probes.apply(before)::startedAt)
                  .filter(started -> !started.isAfter(now)));
    }
    return StartGate.after(
        now -> timelines.apply(previous).finalExitBy(now).filter(e -> e.code() == 0).map(Exit::at));
  }

  /** When the pod stops its sidecars, if it does by {@code now}. */
  private Optional<Instant> sidecarsStoppedBy(Instant now) {
    Optional<Instant> failedInit =
        init.stream()
            .filter(c -> !isSidecar(c))
            .flatMap(c -> timelines.apply(c.getName()).finalExitBy(now).stream())
            .filter(e -> e.code() != 0)
            .map(Exit::at)
            .findFirst();
    if (failedInit.isPresent()) {
      return failedInit;
    }
    List<Optional<Exit>> ends =
        regular.stream().map(c -> timelines.apply(c.getName()).finalExitBy(now)).toList();
    if (ends.isEmpty() || ends.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    return ends.stream().map(e -> e.get().at()).max(Instant::compareTo);
  }
}
