package io.camelvk.providers.interlink;

import io.camelvk.providers.interlink.wire.RemotePodStatus;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;
import java.util.Optional;

/**
 * A plugin's container states as interLink's virtual kubelet reads them: a terminated container's
 * reason is {@code Completed}, or {@code Error: <exit code>}; a failed init container fails the
 * pod; once every regular container has terminated the pod is Succeeded, or Failed with the first
 * failure's reason (a remote job does not restart, whatever the restart policy). Until then the
 * core derives the phase from the containers, running init containers first.
 */
final class StatusTranslation {

  static final String COMPLETED = "Completed";

  private StatusTranslation() {}

  static PodStatus toPodStatus(RemotePodStatus remote) {
    List<ContainerStatus> init =
        remote.initContainers().stream().map(StatusTranslation::named).toList();
    List<ContainerStatus> regular =
        remote.containers().stream().map(StatusTranslation::named).toList();
    PodStatusBuilder status =
        new PodStatusBuilder().withInitContainerStatuses(init).withContainerStatuses(regular);
    Optional<String> initFailure = init.stream().flatMap(c -> failure(c).stream()).findFirst();
    if (initFailure.isPresent()) {
      return status.withPhase("Failed").withReason(initFailure.get()).build();
    }
    if (!regular.isEmpty() && regular.stream().allMatch(StatusTranslation::terminated)) {
      Optional<String> failure = regular.stream().flatMap(c -> failure(c).stream()).findFirst();
      return failure
          .map(reason -> status.withPhase("Failed").withReason(reason))
          .orElseGet(() -> status.withPhase("Succeeded").withReason(COMPLETED))
          .build();
    }
    return status.build();
  }

  /** The reason interLink gives a terminated container. */
  private static ContainerStatus named(ContainerStatus container) {
    if (!terminated(container)) {
      return container;
    }
    int exit = exitCode(container);
    return new ContainerStatusBuilder(container)
        .editState()
        .editTerminated()
        .withReason(exit == 0 ? COMPLETED : "Error: " + exit)
        .endTerminated()
        .endState()
        .build();
  }

  private static Optional<String> failure(ContainerStatus container) {
    return terminated(container) && exitCode(container) != 0
        ? Optional.of(container.getState().getTerminated().getReason())
        : Optional.empty();
  }

  private static boolean terminated(ContainerStatus container) {
    return container.getState() != null && container.getState().getTerminated() != null;
  }

  private static int exitCode(ContainerStatus container) {
    Integer code = container.getState().getTerminated().getExitCode();
    return code == null ? 0 : code;
  }
}
