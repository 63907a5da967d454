package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Container statuses the core writes itself: waiting before a start, terminated after a stop. */
final class ContainerStates {

  private ContainerStates() {}

  static ContainerStatus waiting(Container container, String reason, String message) {
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("")
        .withReady(false)
        .withStarted(false)
        .withRestartCount(0)
        .withState(
            new ContainerStateBuilder()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .build())
        .build();
  }

  /** Running containers become terminated (exit 0, {@code reason}); the others stay as they are. */
  static List<ContainerStatus> terminateRunning(
      List<ContainerStatus> statuses, String now, String reason) {
    return terminateRunning(statuses, now, reason, List.of());
  }

  /**
   * Running containers become terminated: in the state the provider reported for them ({@code
   * last}), else with exit code 0 and {@code reason}. Containers that never ran keep their waiting
   * state, as the kubelet reports them.
   */
  static List<ContainerStatus> terminateRunning(
      List<ContainerStatus> statuses, String now, String reason, List<ContainerStatus> last) {
    Map<String, ContainerStateTerminated> reported = new HashMap<>();
    for (ContainerStatus status : last) {
      if (status.getState() != null && status.getState().getTerminated() != null) {
        reported.put(status.getName(), status.getState().getTerminated());
      }
    }
    return statuses.stream()
        .map(s -> isRunning(s) ? terminated(s, now, reason, reported.get(s.getName())) : s)
        .toList();
  }

  private static boolean isRunning(ContainerStatus status) {
    return status.getState() != null && status.getState().getRunning() != null;
  }

  private static ContainerStatus terminated(
      ContainerStatus status, String now, String reason, ContainerStateTerminated reported) {
    ContainerStateTerminated terminated =
        reported != null
            ? reported
            : new ContainerStateTerminatedBuilder().withExitCode(0).withReason(reason).build();
    return new ContainerStatusBuilder(status)
        .withReady(false)
        .withStarted(false)
        .withState(
            new ContainerStateBuilder()
                .withTerminated(
                    new ContainerStateTerminatedBuilder(terminated)
                        .withStartedAt(status.getState().getRunning().getStartedAt())
                        .withFinishedAt(
                            terminated.getFinishedAt() == null
                                ? now
                                : ApiTimes.seconds(terminated.getFinishedAt()))
                        .withContainerID(status.getContainerID())
                        .build())
                .build())
        .build();
  }

  /** One status per container of the spec, in spec order; missing ones wait with {@code reason}. */
  static List<ContainerStatus> complete(
      List<Container> containers, List<ContainerStatus> reported, String reason, String message) {
    return containers.stream()
        .map(
            c -> {
              ContainerStatus s = PodPhase.find(reported, c.getName());
              if (s == null) {
                return ContainerStates.waiting(c, reason, message);
              }
              ContainerStatusBuilder b =
                  new ContainerStatusBuilder(s)
                      .withState(ApiTimes.seconds(s.getState()))
                      .withLastState(ApiTimes.seconds(s.getLastState()));
              if (s.getImage() == null || s.getImage().isBlank()) {
                b.withImage(c.getImage());
              }
              if (s.getImageID() == null) {
                b.withImageID("");
              }
              if (s.getRestartCount() == null) {
                b.withRestartCount(0);
              }
              if (s.getReady() == null) {
                b.withReady(s.getState() != null && s.getState().getRunning() != null);
              }
              return b.build();
            })
        .toList();
  }
}
