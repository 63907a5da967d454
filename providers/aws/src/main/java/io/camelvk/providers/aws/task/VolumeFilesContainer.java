package io.camelvk.providers.aws.task;

import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.MountPoint;

/**
 * The container the provider adds first to a task whose pod mounts ConfigMap, downward API or
 * projected volumes: it writes their files into the task volumes, then exits 0, and every other
 * container waits for that ({@code SUCCESS}). ECS has no volume that holds given files, so the
 * files travel in its command, each as the base64 of its bytes: a command in the task definition,
 * where DescribeTaskDefinition shows it to anyone who may read it (which is why no Secret goes
 * there).
 */
public final class VolumeFilesContainer {

  /** The container's name in the task; no container of a pod may have it. */
  public static final String NAME = "camelvk-volumes";

  /** Its working directory, where each volume is mounted by its name. */
  static final String ROOT = "/camelvk-volumes";

  /**
   * The most the command may have, in bytes: half of ECS's 64 KiB for a whole task definition,
   * leaving the rest to the pod's own containers.
   */
  static final int MAX_COMMAND_BYTES = 32 * 1024;

  /** The memory it reserves: Docker's least (moto refuses a container without one). */
  private static final int RESERVATION_MIB = TaskDefinitions.LEAST_RESERVATION_MIB;

  private VolumeFilesContainer() {}

  /**
   * The container that writes these volumes' files, with the image that runs it (any image with a
   * POSIX {@code sh}, {@code base64 -d}, {@code mkdir -p} and {@code chmod}).
   *
   * @throws PodRefusedException when its command would be larger than {@value #MAX_COMMAND_BYTES}
   *     bytes
   */
  static ContainerDefinition.Builder of(List<ResolvedVolume> volumes, String image) {
    String script = script(volumes);
    int size = script.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_COMMAND_BYTES) {
      throw new PodRefusedException(
          "the files of volume(s) "
              + volumes.stream().map(ResolvedVolume::name).collect(Collectors.joining(", "))
              + " make a command of "
              + size
              + " bytes for the container that writes them, more than the aws provider's limit of "
              + MAX_COMMAND_BYTES
              + " bytes (ECS takes at most 64 KiB for a whole task definition)");
    }
    return ContainerDefinition.builder()
        .name(NAME)
        .image(image)
        .essential(false)
        .entryPoint("sh", "-c")
        .command(script)
        .workingDirectory(ROOT)
        .memoryReservation(RESERVATION_MIB)
        .mountPoints(volumes.stream().map(VolumeFilesContainer::mountPoint).toList());
  }

  /** What every other container of the task waits for: this one, exited 0. */
  static ContainerDependency dependency() {
    return ContainerDependency.builder()
        .containerName(NAME)
        .condition(ContainerCondition.SUCCESS)
        .build();
  }

  /**
   * The shell script that writes the files relative to the working directory, one directory per
   * volume: directories made, each file's bytes decoded from base64, its mode applied. It stops at
   * the first command that fails ({@code set -e}), so that the pod's containers do not start.
   */
  static String script(List<ResolvedVolume> volumes) {
    StringBuilder script = new StringBuilder("set -e\n");
    for (ResolvedVolume volume : volumes) {
      script.append("mkdir -p ").append(quoted(volume.name())).append('\n');
      for (VolumeFile file : volume.files()) {
        String path = quoted(volume.name() + "/" + file.path());
        int slash = file.path().lastIndexOf('/');
        if (slash > 0) {
          script
              .append("mkdir -p ")
              .append(quoted(volume.name() + "/" + file.path().substring(0, slash)))
              .append('\n');
        }
        script
            .append("printf %s ")
            .append(quoted(Base64.getEncoder().encodeToString(file.bytes())))
            .append(" | base64 -d > ")
            .append(path)
            .append('\n')
            .append("chmod ")
            .append(Integer.toOctalString(file.mode() & 07777))
            .append(' ')
            .append(path)
            .append('\n');
      }
    }
    return script.toString();
  }

  private static MountPoint mountPoint(ResolvedVolume volume) {
    return MountPoint.builder()
        .sourceVolume(volume.name())
        .containerPath(ROOT + "/" + volume.name())
        .readOnly(false)
        .build();
  }

  /** A shell word that is the text as it is, whatever it holds. */
  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
