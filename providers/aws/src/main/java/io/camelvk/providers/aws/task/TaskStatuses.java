package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A pod's status from its ECS task (DescribeTasks): the containers' states, by name, and, once the
 * task has stopped, the phase. While the task lives the phase is left to the core, which computes
 * it from the containers' states and the pod's restart policy, as the kubelet does.
 */
public final class TaskStatuses {

  /** The reason of a pod whose task no longer exists. */
  public static final String TASK_VANISHED = "TaskVanished";

  /** The kubelet's reason and message for a container it cannot find any more. */
  static final String CONTAINER_STATUS_UNKNOWN = "ContainerStatusUnknown";

  static final String CONTAINER_NOT_FOUND =
      "The container could not be located when the pod was terminated";

  private static final Set<String> STARTING = Set.of("PROVISIONING", "PENDING", "ACTIVATING");
  private static final Set<String> RUNNING =
      Set.of("RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING");
  private static final String STOPPED = "STOPPED";

  private TaskStatuses() {}

  /**
   * The status of a pod from its task. A task being stopped (DEACTIVATING, STOPPING,
   * DEPROVISIONING) still runs: each container is as ECS says, running until it has stopped. A
   * stopped task's pod is Succeeded when each of its regular (essential) containers exited 0, else
   * Failed, with the task's {@code stopCode} as reason and {@code stoppedReason} as message. A task
   * in a state ECS may add in future counts as starting.
   */
  public static PodStatus of(Pod pod, Task task) {
    ContainerStatuses containers = new ContainerStatuses(pod, task);
    String lastStatus = task.lastStatus();
    if (STOPPED.equals(lastStatus)) {
      List<ContainerStatus> regular = map(pod.getSpec().getContainers(), containers::stopped);
      return new PodStatusBuilder()
          .withPhase(allSucceeded(regular) ? "Succeeded" : "Failed")
          .withReason(task.stopCodeAsString())
          .withMessage(task.stoppedReason())
          .withInitContainerStatuses(map(pod.getSpec().getInitContainers(), containers::stopped))
          .withContainerStatuses(regular)
          .build();
    }
    Function<Container, ContainerStatus> state =
        RUNNING.contains(lastStatus) ? containers::running : containers::starting;
    return new PodStatusBuilder()
        .withInitContainerStatuses(map(pod.getSpec().getInitContainers(), state))
        .withContainerStatuses(map(pod.getSpec().getContainers(), state))
        .build();
  }

  /**
   * The status of a pod whose task DescribeTasks reports missing: Failed, and each container ended
   * as the kubelet ends one it can no longer find (exit code 137, {@code ContainerStatusUnknown}).
   */
  public static PodStatus vanished(Pod pod, String taskArn) {
    return new PodStatusBuilder()
        .withPhase("Failed")
        .withReason(TASK_VANISHED)
        .withMessage("ECS task " + taskArn + " no longer exists on the cluster")
        .withInitContainerStatuses(map(pod.getSpec().getInitContainers(), TaskStatuses::unknown))
        .withContainerStatuses(map(pod.getSpec().getContainers(), TaskStatuses::unknown))
        .build();
  }

  private static ContainerStatus unknown(Container spec) {
    return new ContainerStatusBuilder()
        .withName(spec.getName())
        .withImage(spec.getImage())
        .withImageID("")
        .withRestartCount(0)
        .withReady(false)
        .withStarted(false)
        .withNewState()
        .withNewTerminated()
        .withExitCode(ContainerStatuses.KILLED_EXIT_CODE)
        .withReason(CONTAINER_STATUS_UNKNOWN)
        .withMessage(CONTAINER_NOT_FOUND)
        .endTerminated()
        .endState()
        .build();
  }

  private static boolean allSucceeded(List<ContainerStatus> regular) {
    return regular.stream().allMatch(s -> s.getState().getTerminated().getExitCode() == 0);
  }

  private static List<ContainerStatus> map(
      List<Container> containers, Function<Container, ContainerStatus> status) {
    return containers.stream().map(status).toList();
  }
}
