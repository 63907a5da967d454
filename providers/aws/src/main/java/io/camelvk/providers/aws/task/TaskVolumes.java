package io.camelvk.providers.aws.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.provider.PodRefusedException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * A pod's volumes as task volumes. An {@code emptyDir} is a task volume without a host (Fargate
 * keeps it on the task's ephemeral storage, for the task's life; {@code medium: Memory} and {@code
 * sizeLimit} have no ECS equivalent and are not applied). Any other volume a container mounts makes
 * the pod refused. The service-account token volume the API server adds to every pod ({@code
 * kube-api-access-*}) is left out with its mounts: a virtual node's kubelet cannot serve it to a
 * task, and refusing it would refuse every pod.
 */
final class TaskVolumes {

  private static final String SERVICE_ACCOUNT_TOKEN = "kube-api-access-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, io.fabric8.kubernetes.api.model.Volume> volumes = new LinkedHashMap<>();

  TaskVolumes(Pod pod) {
    pod.getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
  }

  /** The task's volumes: the pod's {@code emptyDir} volumes that a container mounts. */
  List<Volume> volumes(List<Container> containers) {
    return containers.stream()
        .flatMap(c -> c.getVolumeMounts().stream())
        .map(VolumeMount::getName)
        .distinct()
        .filter(name -> volumes.containsKey(name) && volumes.get(name).getEmptyDir() != null)
        .map(name -> Volume.builder().name(name).build())
        .toList();
  }

  /**
   * The container's mount points.
   *
   * @throws PodRefusedException for a mount of a volume that is not an {@code emptyDir}, or of a
   *     part of one ({@code subPath})
   */
  List<MountPoint> mountPoints(Container container) {
    return container.getVolumeMounts().stream()
        .filter(mount -> !isServiceAccountToken(volumes.get(mount.getName())))
        .map(mount -> mountPoint(container, mount))
        .toList();
  }

  private MountPoint mountPoint(Container container, VolumeMount mount) {
    io.fabric8.kubernetes.api.model.Volume volume = volumes.get(mount.getName());
    if (volume == null || volume.getEmptyDir() == null) {
      throw new PodRefusedException(
          "volume "
              + mount.getName()
              + " ("
              + type(volume)
              + ") mounted by container "
              + container.getName()
              + ": the aws provider runs only emptyDir volumes on Fargate"
              + " (environment variables from ConfigMaps and Secrets work)");
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
        .readOnly(Boolean.TRUE.equals(mount.getReadOnly()))
        .build();
  }

  private static boolean isServiceAccountToken(io.fabric8.kubernetes.api.model.Volume volume) {
    return volume != null
        && volume.getProjected() != null
        && volume.getName().startsWith(SERVICE_ACCOUNT_TOKEN);
  }

  private static boolean hasText(String value) {
    return value != null && !value.isEmpty();
  }

  /** The volume's type as the pod spec names it ({@code configMap}, {@code hostPath}, ...). */
  private static String type(io.fabric8.kubernetes.api.model.Volume volume) {
    if (volume == null) {
      return "not in the pod's volumes";
    }
    Map<?, ?> fields = JSON.convertValue(volume, Map.class);
    return fields.keySet().stream()
        .map(String::valueOf)
        .filter(field -> !field.equals("name"))
        .findFirst()
        .orElse("no type");
  }
}
