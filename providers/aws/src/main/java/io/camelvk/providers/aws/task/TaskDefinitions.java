package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.ContainerDefinitions.nullIfEmpty;

import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The task definition a pod runs as: network mode {@code awsvpc}, the Fargate size that holds the
 * pod, one container definition per container in the kubelet's order, the volumes ({@link
 * TaskVolumes}, with the container that writes their files first), {@code awslogs}. {@code
 * requiresCompatibilities} is left out: AWS infers it from the RunTask's launch type, and moto then
 * asks for no EC2 instance.
 */
public final class TaskDefinitions {

  /** The kubelet's default {@code terminationGracePeriodSeconds}. */
  static final long DEFAULT_GRACE_PERIOD_SECONDS = 30;

  /** The kubelet's least grace period ({@code minimumGracePeriodInSeconds}). */
  static final long MINIMUM_GRACE_PERIOD_SECONDS = 2;

  /** The least memory reservation Docker takes, in MiB. */
  static final int LEAST_RESERVATION_MIB = 6;

  /** The longest {@code stopTimeout} Fargate takes. */
  static final long FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;

  private final TaskDefinitionSettings settings;

  public TaskDefinitions(TaskDefinitionSettings settings) {
    this.settings = settings;
  }

  /** A pod's definition, and the size it was given; two pods with the same spec share a family. */
  public record PodTaskDefinition(RegisterTaskDefinitionRequest request, TaskSize size) {

    public String family() {
      return request.family();
    }
  }

  /** A pod whose volumes the core did not hand over: one that mounts no file volume. */
  public PodTaskDefinition of(Pod pod) {
    return of(pod, PodVolumes.NONE);
  }

  /**
   * @param files the pod's volumes with their files, as the core hands them
   * @throws PodRefusedException for a pod no Fargate task holds, a volume ECS cannot run or that
   *     holds a Secret, or files too large for the task definition
   */
  public PodTaskDefinition of(Pod pod, PodVolumes files) {
    TaskSize size = TaskSize.of(pod);
    TaskVolumes volumes = new TaskVolumes(pod, files);
    RegisterTaskDefinitionRequest definition =
        RegisterTaskDefinitionRequest.builder()
            .networkMode(NetworkMode.AWSVPC)
            .cpu(Integer.toString(size.size().cpuUnits()))
            .memory(Integer.toString(size.size().memoryMiB()))
            .executionRoleArn(settings.executionRoleArn())
            .taskRoleArn(settings.taskRoleArn())
            .containerDefinitions(
                withReservations(containers(pod, volumes), size.size().memoryMiB()))
            .volumes(nullIfEmpty(volumes.volumes(TaskContainers.all(pod))))
            .build();
    return new PodTaskDefinition(
        definition.toBuilder().family(TaskDefinitionFamily.of(definition)).build(), size);
  }

  /**
   * Init containers are not essential (they end), and each waits for the one before it; regular
   * containers are essential and wait for every init container ({@link TaskContainers}). When the
   * pod mounts volumes with files, the {@link VolumeFilesContainer} comes first and every other
   * container waits for it to exit 0. Each container gets the pod's grace period as its {@code
   * stopTimeout}, within the kubelet's least (2 s) and Fargate's most (120 s).
   */
  private List<ContainerDefinition> containers(Pod pod, TaskVolumes volumes) {
    Integer stopTimeout = stopTimeout(pod);
    List<ContainerDefinition> definitions = new ArrayList<>();
    List<ContainerDependency> filled = new ArrayList<>();
    List<ResolvedVolume> files = volumes.files(TaskContainers.all(pod));
    if (!files.isEmpty()) {
      definitions.add(
          VolumeFilesContainer.of(files, settings.volumeImage())
              .stopTimeout(stopTimeout)
              .logConfiguration(ContainerLogs.configuration(settings))
              .build());
      filled.add(VolumeFilesContainer.dependency());
    }
    List<Container> inits = pod.getSpec().getInitContainers();
    for (int i = 0; i < inits.size(); i++) {
      definitions.add(
          common(inits.get(i), true, volumes, stopTimeout)
              .essential(false)
              .dependsOn(nullIfEmpty(concat(filled, TaskContainers.initDependencies(inits, i))))
              .build());
    }
    for (Container container : pod.getSpec().getContainers()) {
      definitions.add(
          common(container, false, volumes, stopTimeout)
              .essential(true)
              .dependsOn(nullIfEmpty(concat(filled, TaskContainers.regularDependencies(inits))))
              .build());
    }
    return definitions;
  }

  private static List<ContainerDependency> concat(
      List<ContainerDependency> first, List<ContainerDependency> then) {
    return Stream.concat(first.stream(), then.stream()).toList();
  }

  private ContainerDefinition.Builder common(
      Container container, boolean init, TaskVolumes volumes, Integer stopTimeout) {
    if (VolumeFilesContainer.NAME.equals(container.getName())) {
      throw new PodRefusedException(
          "container name " + VolumeFilesContainer.NAME + " is the aws provider's own");
    }
    return ContainerDefinitions.of(container, TaskContainers.reservation(container, init))
        .mountPoints(nullIfEmpty(volumes.mountPoints(container)))
        .stopTimeout(stopTimeout)
        .logConfiguration(ContainerLogs.configuration(settings));
  }

  /**
   * Each essential container that states no memory gets an equal share of what the others'
   * reservations leave of the task's memory as its reservation (at least Docker's least, {@value
   * #LEAST_RESERVATION_MIB} MiB): Fargate needs none, but ECS as moto plays it refuses a task whose
   * containers do not all have one, and a share is what such a container gets anyway.
   */
  private static List<ContainerDefinition> withReservations(
      List<ContainerDefinition> containers, int taskMemoryMiB) {
    List<ContainerDefinition> unset =
        containers.stream()
            .filter(c -> c.essential() && c.memory() == null && c.memoryReservation() == null)
            .toList();
    if (unset.isEmpty()) {
      return containers;
    }
    int reserved =
        containers.stream()
            .filter(c -> c.memoryReservation() != null)
            .mapToInt(ContainerDefinition::memoryReservation)
            .sum();
    int share = Math.max(LEAST_RESERVATION_MIB, (taskMemoryMiB - reserved) / unset.size());
    return containers.stream()
        .map(c -> unset.contains(c) ? c.toBuilder().memoryReservation(share).build() : c)
        .toList();
  }

  private static Integer stopTimeout(Pod pod) {
    Long grace = pod.getSpec().getTerminationGracePeriodSeconds();
    long seconds = grace == null ? DEFAULT_GRACE_PERIOD_SECONDS : grace;
    return Math.toIntExact(
        Math.clamp(seconds, MINIMUM_GRACE_PERIOD_SECONDS, FARGATE_MAX_STOP_TIMEOUT_SECONDS));
  }
}
