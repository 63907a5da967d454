package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.util.List;

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
    return statuses.stream()
        .map(
            s -> {
              if (s.getState() == null || s.getState().getTerminated() != null) {
                return s;
              }
              String startedAt =
                  s.getState().getRunning() == null
                      ? null
                      : s.getState().getRunning().getStartedAt();
              return new ContainerStatusBuilder(s)
                  .withReady(false)
                  .withStarted(false)
                  .withState(
                      new ContainerStateBuilder()
                          .withNewTerminated()
                          .withExitCode(0)
                          .withReason(reason)
                          .withStartedAt(startedAt)
                          .withFinishedAt(now)
                          .withContainerID(s.getContainerID())
                          .endTerminated()
                          .build())
                  .build();
            })
        .toList();
  }
}
