package io.camelvk.providers.mock.pod;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Makes the timelines of a pod's containers: each with its place in the kubelet's order ({@link
 * PodStartOrder}), its restart policy, and what runs its instances (its command, or the
 * annotations' script).
 */
final class PodTimelines {

  private final SimulatedPod pod;
  private final PodSpec spec;
  private final ProgramStarter programs;
  private final Function<String, ContainerTimeline> timelines;

  /**
   * @param timelines the pod's timeline of a container, by name, once they all exist
   */
  PodTimelines(
      SimulatedPod pod, ProgramStarter programs, Function<String, ContainerTimeline> timelines) {
    this.pod = pod;
    this.spec = pod.pod().getSpec();
    this.programs = programs;
    this.timelines = timelines;
  }

  /**
   * @param restartedAt when an update restarts the container, or null to start it in the pod's
   *     order
   */
  ContainerTimeline timeline(Container container, Instant restartedAt) {
    int initIndex = spec.getInitContainers().indexOf(container);
    PodStartOrder order =
        new PodStartOrder(
            spec.getInitContainers(),
            spec.getContainers(),
            pod.start(),
            timelines,
            c -> ContainerProbes.of(c, pod.behaviour()));
    ContainerSchedule schedule =
        initIndex < 0 ? order.regularSchedule() : order.initSchedule(initIndex);
    if (restartedAt != null) {
      schedule = schedule.from(restartedAt);
    }
    return initIndex < 0
        ? new ContainerTimeline(
            schedule,
            EphemeralAsContainers.isEphemeral(pod.pod(), container.getName())
                ? "Never"
                : spec.getRestartPolicy(),
            pod.behaviour().restartDelay(),
            pod.behaviour().exitCode(),
            pod.ref(container),
            launcher(container, pod.behaviour().exitAfter()))
        : new ContainerTimeline(
            schedule,
            PodStartOrder.initRestartPolicy(container, spec.getRestartPolicy()),
            pod.behaviour().restartDelay(),
            OptionalInt.empty(),
            pod.ref(container),
            initLauncher(container));
  }

  /**
   * What starts a container's instances: its command, or the annotations' script when it has none
   * or when {@code exitAfter} is given, killed when its liveness probe fails.
   */
  private ContainerTimeline.Launcher launcher(Container container, Duration exitAfter) {
    ContainerRef ref = pod.ref(container);
    List<String> command = ContainerCommand.of(container);
    ContainerFiles files = pod.files(container.getName());
    ContainerTimeline.Launcher run =
        exitAfter != null || command.isEmpty()
            ? (number, at) -> new ScriptedRun(ref, number, at, exitAfter)
            : (number, at) -> programs.start(container, command, ref, files, at);
    ContainerProbes probes = ContainerProbes.of(container, pod.behaviour());
    return (number, at) -> probes.withLiveness(run.start(number, at), at);
  }

  /**
   * An init container runs its command whatever the annotations say; one with no command (its
   * image's program is unknown) completes at once, a sidecar with none runs until stopped.
   */
  private ContainerTimeline.Launcher initLauncher(Container container) {
    boolean completesAtOnce =
        ContainerCommand.of(container).isEmpty() && !PodStartOrder.isSidecar(container);
    return launcher(container, completesAtOnce ? Duration.ZERO : null);
  }
}
