package io.camelvk.providers.mock.pod;

import io.camelvk.provider.EmptyMapSharing;
import io.camelvk.provider.PodIdentity;
import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.volumes.PodVolumeFiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A pod the mock runs: its spec, when it was created, its volumes, the files its containers wrote,
 * and one {@link ContainerTimeline} per container, init containers included, started in the
 * kubelet's order ({@link PodStartOrder}). A container runs its command in the mock's shell (see
 * {@link ProgramStarter}); one with no command, or whose pod sets {@code exit-after}, runs as the
 * annotations say ({@link ScriptedRun}).
 */
public final class SimulatedPod {

  private final Pod pod;
  private final Instant created;
  private final PodBehaviour behaviour;
  private final PodVolumeFiles volumes;
  private final PodVolumeFiles.Snapshot volumesAtStart;
  private final Map<String, ContainerFiles> filesByContainer;
  private final Map<String, ContainerTimeline> timelines = new LinkedHashMap<>();
  private final Map<String, CarriedOver> carried = new HashMap<>();
  private final InPlaceResizes resizes = new InPlaceResizes();

  /** The timelines as they are now, shared with updates: the start order follows what runs. */
  private final AtomicReference<Map<String, ContainerTimeline>> current;

  /** A pod whose volumes have no files (the core gave none). */
  public SimulatedPod(Pod pod, Instant created, PodBehaviour behaviour, ProgramStarter programs) {
    this(pod, created, behaviour, programs, PodVolumeFiles.of(pod));
  }

  public SimulatedPod(
      Pod pod,
      Instant created,
      PodBehaviour behaviour,
      ProgramStarter programs,
      PodVolumeFiles volumes) {
    this(
        pod,
        created,
        behaviour,
        volumes,
        volumes.snapshot(),
        new ConcurrentHashMap<>(),
        new AtomicReference<>());
    current.set(timelines);
    for (Container container : allContainers()) {
      timelines.put(container.getName(), timeline(container, programs, null));
    }
  }

  private SimulatedPod(
      Pod pod,
      Instant created,
      PodBehaviour behaviour,
      PodVolumeFiles volumes,
      PodVolumeFiles.Snapshot volumesAtStart,
      Map<String, ContainerFiles> filesByContainer,
      AtomicReference<Map<String, ContainerTimeline>> current) {
    this.pod = keptPartsOf(pod);
    this.created = created;
    this.behaviour = behaviour;
    this.volumes = volumes;
    this.volumesAtStart = volumesAtStart;
    this.filesByContainer = filesByContainer;
    this.current = current;
  }

  /**
   * This pod with a changed spec: its creation time, volumes and containers' files stay, as they do
   * when a kubelet applies an update; a container whose spec is the same keeps running, one whose
   * spec changed (its image, say) starts again.
   */
  public SimulatedPod updatedTo(
      Pod changed, PodBehaviour changedBehaviour, ProgramStarter programs, Instant now) {
    SimulatedPod updated =
        new SimulatedPod(
            changed, created, changedBehaviour, volumes, volumesAtStart, filesByContainer, current);
    for (Container container : updated.allContainers()) {
      ContainerTimeline kept = timelines.get(container.getName());
      boolean same =
          kept != null
              && container(container.getName())
                  .filter(before -> sameButResources(before, container))
                  .isPresent()
              && changedBehaviour.equals(behaviour);
      String name = container.getName();
      CarriedOver earlier = carried.getOrDefault(name, CarriedOver.NONE);
      if (same) {
        updated.timelines.put(name, kept);
        updated.carried.put(name, earlier);
        updated.resizes.kept(
            resizes,
            container(name).orElseThrow(),
            container,
            changedBehaviour.resizeDuration(),
            now);
      } else {
        updated.timelines.put(name, updated.timeline(container, programs, now));
        if (kept != null) {
          updated.carried.put(name, CarriedOver.after(kept.at(now), earlier, now));
        }
      }
    }
    current.set(updated.timelines);
    return updated;
  }

  /** A resize changes a container's resources in place: it keeps running. */
  private static boolean sameButResources(Container before, Container after) {
    Container resized = new ContainerBuilder(after).withResources(before.getResources()).build();
    return before.equals(resized);
  }

  private ContainerTimeline currentTimeline(String container) {
    return current.get().get(container);
  }

  /** The resources the container reports at {@code now}: the earlier ones while it is resized. */
  public ResourceRequirements resources(Container container, Instant now) {
    return resizes.at(container, now);
  }

  /** Stops the programs of containers that {@code successor} does not keep running. */
  public void stopUnlessKeptBy(SimulatedPod successor) {
    timelines.forEach(
        (name, timeline) -> {
          if (successor.timelines.get(name) != timeline) {
            timeline.stop();
          }
        });
  }

  public PodVolumeFiles volumes() {
    return volumes;
  }

  public Pod pod() {
    return pod;
  }

  /** What the mock runs from: the pod's identity, containers and restart policy. */
  private static Pod keptPartsOf(Pod pod) {
    PodSpec spec = new PodSpec();
    spec.setInitContainers(pod.getSpec().getInitContainers());
    spec.setContainers(pod.getSpec().getContainers());
    spec.setEphemeralContainers(pod.getSpec().getEphemeralContainers());
    spec.setRestartPolicy(pod.getSpec().getRestartPolicy());
    Pod kept = PodIdentity.of(pod);
    kept.setSpec(spec);
    return EmptyMapSharing.apply(kept);
  }

  ContainerRef ref(Container container) {
    return new ContainerRef(
        pod.getMetadata().getNamespace(), pod.getMetadata().getName(), uid(), container.getName());
  }

  /** The init containers, the regular ones, then the ephemeral ones (kubectl debug). */
  private List<Container> allContainers() {
    return Stream.of(
            pod.getSpec().getInitContainers(),
            pod.getSpec().getContainers(),
            EphemeralAsContainers.of(pod))
        .flatMap(List::stream)
        .toList();
  }

  /** The container's timeline, in the pod's start order, or from {@code restartedAt} if given. */
  private ContainerTimeline timeline(
      Container container, ProgramStarter programs, Instant restartedAt) {
    return new PodTimelines(this, programs, this::currentTimeline).timeline(container, restartedAt);
  }

  public PodBehaviour behaviour() {
    return behaviour;
  }

  public Instant created() {
    return created;
  }

  /** When the containers start: after the start delay. */
  Instant start() {
    return created.plus(behaviour.startDelay());
  }

  public String uid() {
    return pod.getMetadata().getUid();
  }

  public Optional<Container> container(String name) {
    return allContainers().stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  /** The container's file system, with its volumes mounted. */
  public ContainerFiles files(String container) {
    return filesByContainer.computeIfAbsent(
        container,
        c ->
            container(c)
                .map(spec -> volumes.fileSystemOf(spec, volumesAtStart))
                .orElseGet(ContainerFiles::new));
  }

  /** The timeline of one of the pod's containers. */
  public ContainerTimeline timeline(String container) {
    return Objects.requireNonNull(timelines.get(container), container);
  }

  /**
   * The next instant after {@code now} at which a container's state, whether it is started or
   * ready, or its resources (a resize that is done) change by themselves, or null.
   */
  public Instant nextChange(Instant now) {
    return Stream.concat(
            allContainers().stream()
                .flatMap(
                    c -> Stream.of(timeline(c.getName()).nextChange(now), probeChange(c, now))),
            Stream.of(resizes.nextChange(now)))
        .filter(Objects::nonNull)
        .min(Instant::compareTo)
        .orElse(null);
  }

  private Instant probeChange(Container container, Instant now) {
    ContainerTimeline.Moment moment = timeline(container.getName()).at(now);
    return ContainerProbes.of(container, behaviour).nextChange(moment, now);
  }

  /** Stops the programs the containers run: the pod was deleted or replaced. */
  public void stop() {
    timelines.values().forEach(ContainerTimeline::stop);
  }

  /** What the container carries over from before an update restarted it. */
  CarriedOver carriedOver(String container) {
    return carried.getOrDefault(container, CarriedOver.NONE);
  }

  /** The pod's status as the kubelet would report it at {@code now}. */
  public PodStatus status(Instant now) {
    return new MockPodStatus(this).at(now);
  }
}
