package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Instant;

/**
 * An init container's status: its commands are not run, it completes (exit 0) as the pod starts.
 */
final class InitContainerStatus {

  private InitContainerStatus() {}

  static ContainerStatus of(Container container, String podUid, Instant start, Instant now) {
    ContainerState state =
        now.isBefore(start)
            ? new ContainerStateBuilder()
                .withNewWaiting()
                .withReason("PodInitializing")
                .endWaiting()
                .build()
            : new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(0)
                .withReason("Completed")
                .withStartedAt(ContainerTimeline.format(start))
                .withFinishedAt(ContainerTimeline.format(start))
                .endTerminated()
                .build();
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("mock://" + container.getImage())
        .withContainerID("mock://" + podUid + "/" + container.getName())
        .withState(state)
        .withRestartCount(0)
        .withReady(false)
        .withStarted(false)
        .build();
  }
}
