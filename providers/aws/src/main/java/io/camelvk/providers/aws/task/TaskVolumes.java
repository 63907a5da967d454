package io.camelvk.providers.aws.task;

import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * A pod's volumes as task volumes, each without a host (Fargate keeps it on the task's ephemeral
 * storage, for the task's life). An {@code emptyDir} starts empty ({@code medium: Memory} and
 * {@code sizeLimit} have no ECS equivalent and are not applied); a {@code configMap}, {@code
 * downwardAPI} or {@code projected} volume is filled with its files by the {@link
 * VolumeFilesContainer} and mounted read-only, as the kubelet mounts it. A Secret or a service
 * account token is refused: its bytes would stand in plain text in the task definition. The
 * service-account token volume the API server adds to every pod ({@code kube-api-access-*}) is left
 * out with its mounts: a virtual node's kubelet cannot serve it to a task, and refusing it would
 * refuse every pod.
 */
final class TaskVolumes {

  private static final String SERVICE_ACCOUNT_TOKEN = "kube-api-access-";
  private static final Set<VolumeKind> FILES =
      Set.of(VolumeKind.CONFIG_MAP, VolumeKind.DOWNWARD_API, VolumeKind.PROJECTED);

  private final Map<String, io.fabric8.kubernetes.api.model.Volume> volumes = new LinkedHashMap<>();
  private final PodVolumes resolved;

  /**
   * @param resolved the volumes' files as the core handed them; {@link PodVolumes#NONE} refuses a
   *     pod that mounts a volume with files
   */
  TaskVolumes(Pod pod, PodVolumes resolved) {
    pod.getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
    this.resolved = resolved;
  }

  /** The task's volumes: the pod's {@code emptyDir} and file volumes that a container mounts. */
  List<Volume> volumes(List<Container> containers) {
    return mounted(containers).stream()
        .filter(name -> kind(volumes.get(name)).filter(TaskVolumes::held).isPresent())
        .map(name -> Volume.builder().name(name).build())
        .toList();
  }

  /**
   * The files the {@link VolumeFilesContainer} writes: those of each file volume a container
   * mounts, in the pod's order of volumes; none when no container mounts one. A volume that holds a
   * Secret or a token is not among them ({@link #mountPoints} refuses it).
   */
  List<ResolvedVolume> files(List<Container> containers) {
    List<String> mounted = mounted(containers);
    return volumes.keySet().stream()
        .filter(mounted::contains)
        .filter(name -> kind(volumes.get(name)).filter(FILES::contains).isPresent())
        // Refused by mountPoints: no byte of a Secret or a token goes into the definition.
        .filter(name -> secretSource(volumes.get(name)).isEmpty())
        .map(
            name ->
                resolved
                    .volume(name)
                    .orElseThrow(
                        () ->
                            new PodRefusedException(
                                "volume "
                                    + name
                                    + " came without its files: the aws provider writes only the"
                                    + " files the core hands it")))
        .toList();
  }

  /**
   * The container's mount points.
   *
   * @throws PodRefusedException for a mount of a Secret or a service account token, of a volume ECS
   *     cannot hold, or of a part of one ({@code subPath})
   */
  List<MountPoint> mountPoints(Container container) {
    return container.getVolumeMounts().stream()
        .filter(mount -> !isServiceAccountToken(volumes.get(mount.getName())))
        .map(mount -> mountPoint(container, mount))
        .toList();
  }

  private MountPoint mountPoint(Container container, VolumeMount mount) {
    io.fabric8.kubernetes.api.model.Volume volume = volumes.get(mount.getName());
    String refused =
        "volume " + mount.getName() + " (%s) mounted by container " + container.getName();
    secretSource(volume)
        .ifPresent(
            source -> {
              throw new PodRefusedException(
                  refused.formatted(source)
                      + ": the aws provider does not write Secrets or service account tokens into"
                      + " a Fargate task, because their bytes would stand in plain text in the"
                      + " task definition, which DescribeTaskDefinition shows to anyone allowed to"
                      + " read it; keep the secret in AWS Secrets Manager or SSM Parameter Store"
                      + " and read it with the task role (vk.provider.aws.task-role-arn)");
            });
    Optional<VolumeKind> kind = kind(volume);
    if (kind.filter(TaskVolumes::held).isEmpty()) {
      throw new PodRefusedException(
          refused.formatted(kind.map(VolumeKind::specName).orElse("not in the pod's volumes"))
              + ": the aws provider runs only emptyDir, configMap, downwardAPI and projected"
              + " volumes on Fargate");
    }
    if (hasText(mount.getSubPath()) || hasText(mount.getSubPathExpr())) {
      throw new PodRefusedException(
          "container "
              + container.getName()
              + " mounts a subPath of volume "
              + mount.getName()
              + ": ECS mounts whole volumes only");
    }
    return MountPoint.builder()
        .sourceVolume(mount.getName())
        .containerPath(mount.getMountPath())
        .readOnly(kind.get() != VolumeKind.EMPTY_DIR || Boolean.TRUE.equals(mount.getReadOnly()))
        .build();
  }

  /** The names of the volumes the containers mount, the service-account token's left out. */
  private List<String> mounted(List<Container> containers) {
    return containers.stream()
        .flatMap(c -> c.getVolumeMounts().stream())
        .map(VolumeMount::getName)
        .distinct()
        .filter(name -> volumes.containsKey(name) && !isServiceAccountToken(volumes.get(name)))
        .toList();
  }

  /** How the volume holds a Secret or a token, as a refusal names it; empty when it holds none. */
  private static Optional<String> secretSource(io.fabric8.kubernetes.api.model.Volume volume) {
    if (volume == null) {
      return Optional.empty();
    }
    if (volume.getSecret() != null) {
      return Optional.of("secret");
    }
    List<VolumeProjection> sources =
        volume.getProjected() == null ? List.of() : volume.getProjected().getSources();
    if (sources.stream().anyMatch(s -> s.getSecret() != null)) {
      return Optional.of("projected, with a secret source");
    }
    if (sources.stream().anyMatch(s -> s.getServiceAccountToken() != null)) {
      return Optional.of("projected, with a serviceAccountToken source");
    }
    return Optional.empty();
  }

  /** Whether a task volume holds this kind: an {@code emptyDir}, or one with files. */
  private static boolean held(VolumeKind kind) {
    return kind == VolumeKind.EMPTY_DIR || FILES.contains(kind);
  }

  private static Optional<VolumeKind> kind(io.fabric8.kubernetes.api.model.Volume volume) {
    return volume == null ? Optional.empty() : VolumeKind.of(volume);
  }

  private static boolean isServiceAccountToken(io.fabric8.kubernetes.api.model.Volume volume) {
    return volume != null
        && volume.getProjected() != null
        && volume.getName().startsWith(SERVICE_ACCOUNT_TOKEN);
  }

  private static boolean hasText(String value) {
    return value != null && !value.isEmpty();
  }
}
