package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kubelet's report of container resources and in-place resizes. Each container that runs or ran
 * gets its allocated requests as {@code allocatedResources} (unless its provider gives them) and,
 * as {@code resources}, its allocated resources with the CPU and memory its provider reports for it
 * while it runs (convertToAPIContainerStatuses). While a running container's resources are not yet
 * the allocated ones, the pod has the condition {@code PodResizeInProgress}; a resize the provider
 * failed to apply has it with reason {@code Error}; one it cannot apply has {@code
 * PodResizePending}, reason {@code Infeasible} (the status manager's resize conditions).
 */
final class PodResizeStatus {

  static final String IN_PROGRESS = "PodResizeInProgress";
  static final String PENDING = "PodResizePending";
  static final String INFEASIBLE = "Infeasible";
  static final String ERROR = "Error";

  /** The resources a resize changes in place: those the kubelet reads back from the runtime. */
  private static final List<String> RESIZABLE = List.of("cpu", "memory");

  private PodResizeStatus() {}

  /** The statuses with the containers' allocated and actual resources. */
  static List<ContainerStatus> withResources(
      List<Container> containers, List<ContainerStatus> statuses, PodAllocation allocation) {
    return statuses.stream()
        .map(
            s ->
                containers.stream()
                    .filter(c -> c.getName().equals(s.getName()))
                    .findFirst()
                    .map(c -> withResources(s, allocation.of(c)))
                    .orElse(s))
        .toList();
  }

  private static ContainerStatus withResources(ContainerStatus status, ResourceRequirements given) {
    if (!hasInstance(status)) {
      return status;
    }
    ContainerStatusBuilder resources = new ContainerStatusBuilder(status);
    if (isEmpty(status.getAllocatedResources()) && !given.getRequests().isEmpty()) {
      resources.withAllocatedResources(Map.copyOf(given.getRequests()));
    }
    return resources.withResources(actual(given, status)).build();
  }

  /**
   * The allocated resources, with the CPU and memory the provider reports for a running container.
   * A provider that reports none leaves the allocated ones: the kubelet keeps the last reported
   * value when the runtime omits one for a moment, but a provider that never reports any would then
   * show the size from before a resize for good.
   */
  private static ResourceRequirements actual(ResourceRequirements given, ContainerStatus status) {
    ResourceRequirements reported = status.getResources();
    if (reported != null && isRunning(status)) {
      takeResizable(given.getRequests(), reported.getRequests());
      takeResizable(given.getLimits(), reported.getLimits());
    }
    return given;
  }

  private static void takeResizable(Map<String, Quantity> given, Map<String, Quantity> reported) {
    if (given.isEmpty() || reported == null) {
      return;
    }
    for (String resource : RESIZABLE) {
      if (reported.get(resource) != null) {
        given.put(resource, reported.get(resource));
      }
    }
  }

  /**
   * {@code PodResizeInProgress} while a running container's resources differ from those allocated;
   * an earlier one for this allocation keeps its reason, message and times (the status manager
   * keeps them until the resize is done).
   */
  static Optional<PodCondition> inProgress(
      Pod pod, List<ContainerStatus> statuses, PodAllocation allocation, String now) {
    boolean resizing =
        Stream.concat(
                pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
            .anyMatch(c -> resizing(c, statuses, allocation));
    if (!resizing) {
      return Optional.empty();
    }
    PodCondition earlier = existing(pod, IN_PROGRESS);
    long earlierGeneration =
        earlier == null || earlier.getObservedGeneration() == null
            ? 0
            : earlier.getObservedGeneration();
    if (earlier != null && earlierGeneration >= allocation.generation()) {
      return Optional.of(earlier);
    }
    return Optional.of(
        condition(IN_PROGRESS, null, null, now, generation(allocation.generation())));
  }

  private static boolean resizing(
      Container container, List<ContainerStatus> statuses, PodAllocation allocation) {
    ContainerStatus status = PodPhase.find(statuses, container.getName());
    if (status == null || !isRunning(status) || status.getResources() == null) {
      return false;
    }
    ResourceRequirements given = allocation.of(container);
    ResourceRequirements actual = status.getResources();
    return !sameResizable(given.getRequests(), actual.getRequests())
        || !sameResizable(given.getLimits(), actual.getLimits());
  }

  private static boolean sameResizable(Map<String, Quantity> given, Map<String, Quantity> actual) {
    return RESIZABLE.stream()
        .allMatch(r -> Objects.equals(given.get(r), actual == null ? null : actual.get(r)));
  }

  /**
   * The pod's status with {@code PodResizeInProgress}, reason {@code Error}: the provider failed to
   * apply the resize it was handed. An earlier condition keeps its observedGeneration, and its
   * transition time while its reason stays.
   */
  static PodStatus failed(Pod pod, String message, String now) {
    PodCondition earlier = existing(pod, IN_PROGRESS);
    String since =
        earlier != null && ERROR.equals(earlier.getReason())
            ? earlier.getLastTransitionTime()
            : now;
    Long generation =
        earlier != null
            ? earlier.getObservedGeneration()
            : generation(Optional.ofNullable(pod.getMetadata().getGeneration()).orElse(0L));
    return replaced(pod, condition(IN_PROGRESS, ERROR, message, since, generation));
  }

  /** The pod's status with {@code PodResizePending}, reason {@code Infeasible}. */
  static PodStatus infeasible(Pod pod, PodStatus running, String message, String now) {
    String since = ConditionTimes.since(existing(pod, PENDING), "True", now);
    return new PodStatusBuilder(running)
        .addToConditions(
            condition(PENDING, INFEASIBLE, message, since, pod.getMetadata().getGeneration()))
        .build();
  }

  private static PodStatus replaced(Pod pod, PodCondition condition) {
    PodStatus current = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<PodCondition> others =
        current.getConditions().stream()
            .filter(c -> !condition.getType().equals(c.getType()))
            .toList();
    return new PodStatusBuilder(current)
        .withConditions(Stream.concat(others.stream(), Stream.of(condition)).toList())
        .build();
  }

  private static PodCondition condition(
      String type, String reason, String message, String since, Long generation) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .withLastProbeTime(null)
        .withLastTransitionTime(since)
        .withObservedGeneration(generation)
        .build();
  }

  private static PodCondition existing(Pod pod, String type) {
    return pod.getStatus() == null
        ? null
        : pod.getStatus().getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(null);
  }

  /** A generation the API server keeps: none (null) for a pod without one. */
  private static Long generation(long generation) {
    return generation == 0 ? null : generation;
  }

  /** The runtime has (had) an instance of the container: it runs, ran, or exited before. */
  private static boolean hasInstance(ContainerStatus status) {
    return isRunning(status)
        || (status.getState() != null && status.getState().getTerminated() != null)
        || (status.getLastState() != null && status.getLastState().getTerminated() != null);
  }

  private static boolean isRunning(ContainerStatus status) {
    return status.getState() != null && status.getState().getRunning() != null;
  }

  private static boolean isEmpty(Map<String, Quantity> quantities) {
    return quantities == null || quantities.isEmpty();
  }
}
