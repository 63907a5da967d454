package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The status of one container of a pod from its ECS container. ECS tells no start or end time of a
 * container, so a running or ended container has the task's {@code startedAt}, and an ended one,
 * once the task has stopped, the task's {@code stoppedAt}; a container that ended while the task
 * runs has no end time.
 */
record ContainerStatuses(Pod pod, Task task) {

  /** The exit code of a container killed with its task (SIGKILL). */
  static final int KILLED_EXIT_CODE = 137;

  /** The exit code and reason of a container that ended without one of its own. */
  private record Ending(int exitCode, String reason) {}

  /** Still there when its task was stopped. */
  private static final Ending KILLED = new Ending(KILLED_EXIT_CODE, "TaskStopped");

  /**
   * Stopped while its task runs, without exit code: it could not start (containerd's exit code, the
   * kubelet's reason).
   */
  private static final Ending NOT_STARTED = new Ending(128, "StartError");

  /** While the task starts: waiting, with the task's state as the message. */
  ContainerStatus starting(Container spec) {
    String stopCode = task.stopCodeAsString();
    String message =
        "ECS task " + task.lastStatus() + (stopCode == null ? "" : " (" + stopCode + ")");
    return base(spec, ecs(spec)).withState(waiting(message)).build();
  }

  /**
   * While the task runs (or is being stopped): as the ECS container's own state says, except that a
   * regular container not yet STOPPED runs once every init container has completed: ECS puts a task
   * in RUNNING once its essential containers run (moto leaves them PENDING for ever).
   */
  ContainerStatus running(Container spec) {
    Optional<software.amazon.awssdk.services.ecs.model.Container> ecs = ecs(spec);
    String lastStatus = ecs.map(c -> c.lastStatus()).orElse(null);
    if ("RUNNING".equals(lastStatus)
        || (!isInit(spec) && !"STOPPED".equals(lastStatus) && initialized())) {
      return created(spec, ecs)
          .withReady(true)
          .withStarted(true)
          .withState(
              new ContainerStateBuilder()
                  .withNewRunning()
                  .withStartedAt(time(task.startedAt()))
                  .endRunning()
                  .build())
          .build();
    }
    if ("STOPPED".equals(lastStatus)) {
      return ended(spec, ecs, "RUNNING".equals(task.lastStatus()) ? NOT_STARTED : KILLED, null);
    }
    return base(spec, ecs).withState(waiting(null)).build();
  }

  /** Once the task stopped: ended, with its exit code, or killed when it has none. */
  ContainerStatus stopped(Container spec) {
    return ended(spec, ecs(spec), KILLED, task.stoppedAt());
  }

  /**
   * @param withoutExitCode how the container ended when ECS has no exit code for it
   */
  private ContainerStatus ended(
      Container spec,
      Optional<software.amazon.awssdk.services.ecs.model.Container> ecs,
      Ending withoutExitCode,
      Instant finishedAt) {
    Ending ending =
        ecs.map(c -> c.exitCode())
            .map(code -> new Ending(code, code == 0 ? "Completed" : "Error"))
            .orElse(withoutExitCode);
    int code = ending.exitCode();
    boolean completedInit = code == 0 && isInit(spec) && !TaskContainers.isSidecar(spec);
    return created(spec, ecs)
        .withReady(completedInit)
        .withStarted(false)
        .withState(
            new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(code)
                .withReason(ending.reason())
                .withMessage(ecs.map(c -> c.reason()).orElse(null))
                .withStartedAt(time(task.startedAt()))
                .withFinishedAt(time(finishedAt))
                .endTerminated()
                .build())
        .build();
  }

  /**
   * A container that has not started waits with the kubelet's reason: {@code PodInitializing} in a
   * pod with init containers, else {@code ContainerCreating}.
   */
  private ContainerState waiting(String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(
            pod.getSpec().getInitContainers().isEmpty() ? "ContainerCreating" : "PodInitializing")
        .withMessage(message)
        .endWaiting()
        .build();
  }

  /** A container that runs or ran: it has an ID. */
  private ContainerStatusBuilder created(
      Container spec, Optional<software.amazon.awssdk.services.ecs.model.Container> ecs) {
    String runtimeId = ecs.map(c -> c.runtimeId()).orElse(null);
    return base(spec, ecs)
        .withContainerID(
            "ecs://"
                + TaskId.of(task.taskArn())
                + "/"
                + (runtimeId != null ? runtimeId : spec.getName()));
  }

  private ContainerStatusBuilder base(
      Container spec, Optional<software.amazon.awssdk.services.ecs.model.Container> ecs) {
    String image = ecs.map(c -> c.image()).orElse(spec.getImage());
    return new ContainerStatusBuilder()
        .withName(spec.getName())
        .withImage(image)
        .withImageID(ecs.map(c -> c.imageDigest()).map(digest -> imageId(image, digest)).orElse(""))
        .withRestartCount(0)
        .withReady(false)
        .withStarted(false);
  }

  /**
   * Whether every init container that is not a sidecar has exited 0, and so has the container that
   * wrote the volumes' files when the task has one ({@link VolumeFilesContainer}).
   */
  private boolean initialized() {
    boolean filled =
        task.containers().stream()
            .filter(c -> VolumeFilesContainer.NAME.equals(c.name()))
            .allMatch(ContainerStatuses::completed);
    return filled
        && pod.getSpec().getInitContainers().stream()
            .filter(init -> !TaskContainers.isSidecar(init))
            .allMatch(init -> ecs(init).filter(ContainerStatuses::completed).isPresent());
  }

  private static boolean completed(software.amazon.awssdk.services.ecs.model.Container container) {
    return "STOPPED".equals(container.lastStatus())
        && Integer.valueOf(0).equals(container.exitCode());
  }

  private boolean isInit(Container spec) {
    return pod.getSpec().getInitContainers().stream()
        .anyMatch(init -> init.getName().equals(spec.getName()));
  }

  private Optional<software.amazon.awssdk.services.ecs.model.Container> ecs(Container spec) {
    return task.containers().stream().filter(c -> spec.getName().equals(c.name())).findFirst();
  }

  /**
   * The image's repository and digest, as the kubelet reports an image ID: {@code
   * busybox@sha256:...}.
   */
  static String imageId(String image, String digest) {
    String repository = image;
    int at = repository.indexOf('@');
    if (at >= 0) {
      repository = repository.substring(0, at);
    }
    int tag = repository.lastIndexOf(':');
    if (tag > repository.lastIndexOf('/')) {
      repository = repository.substring(0, tag);
    }
    return repository + "@" + digest;
  }

  /** RFC 3339 in whole seconds, as the API server writes times. */
  private static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
