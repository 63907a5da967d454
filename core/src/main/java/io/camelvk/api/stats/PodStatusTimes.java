package io.camelvk.api.stats;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Start times as a pod's status records them. */
final class PodStatusTimes {

  private PodStatusTimes() {}

  static Optional<Instant> podStart(Pod pod) {
    return pod.getStatus() == null ? Optional.empty() : parse(pod.getStatus().getStartTime());
  }

  /** When the container's current (or last finished) run started. */
  static Optional<Instant> containerStart(Pod pod, String container) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> container.equals(s.getName()))
        .findFirst()
        .map(ContainerStatus::getState)
        .flatMap(PodStatusTimes::startedAt);
  }

  private static Optional<Instant> startedAt(ContainerState state) {
    if (state.getRunning() != null) {
      return parse(state.getRunning().getStartedAt());
    }
    return state.getTerminated() == null
        ? Optional.empty()
        : parse(state.getTerminated().getStartedAt());
  }

  private static Optional<Instant> parse(String time) {
    if (time == null || time.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(time));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
