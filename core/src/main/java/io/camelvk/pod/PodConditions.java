package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kubelet's pod conditions: PodScheduled, PodReadyToStartContainers, Initialized,
 * ContainersReady and Ready, keeping each one's lastTransitionTime while its status stays, each
 * with the pod's generation as its observedGeneration.
 */
final class PodConditions {

  static final String CONTAINERS_NOT_READY = "ContainersNotReady";
  static final String CONTAINERS_NOT_INITIALIZED = "ContainersNotInitialized";
  static final String POD_COMPLETED = "PodCompleted";
  static final String INITIALIZED = "Initialized";

  private final List<PodCondition> existing;
  private final Long generation;
  private final String now;
  private final List<PodCondition> result = new ArrayList<>();

  PodConditions(Pod pod, String now) {
    this.existing = pod.getStatus() == null ? List.of() : pod.getStatus().getConditions();
    this.generation = pod.getMetadata().getGeneration();
    this.now = now;
  }

  /** Conditions for a pod the provider runs (or ran). */
  List<PodCondition> compose(
      Pod pod,
      String phase,
      List<ContainerStatus> init,
      List<ContainerStatus> app,
      boolean sandboxReady) {
    add("PodScheduled", true, null, null);
    add("PodReadyToStartContainers", sandboxReady, null, null);
    initialized(pod, phase, init, app);
    if (PodPhase.isTerminal(phase)) {
      add("ContainersReady", false, POD_COMPLETED, null);
      add("Ready", false, POD_COMPLETED, null);
      return result;
    }
    List<String> unready =
        Stream.concat(
                pod.getSpec().getInitContainers().stream()
                    .filter(PodPhase::isSidecar)
                    .filter(c -> !ready(PodPhase.find(init, c.getName()))),
                pod.getSpec().getContainers().stream()
                    .filter(c -> !ready(PodPhase.find(app, c.getName()))))
            .map(c -> c.getName())
            .toList();
    String message =
        unready.isEmpty() ? null : "containers with unready status: " + goList(unready);
    add(
        "ContainersReady",
        unready.isEmpty(),
        unready.isEmpty() ? null : CONTAINERS_NOT_READY,
        message);
    add("Ready", unready.isEmpty(), unready.isEmpty() ? null : CONTAINERS_NOT_READY, message);
    return result;
  }

  /**
   * The kubelet's {@code GeneratePodInitializedCondition}: True once a regular container started
   * (the pod was initialized before), or the pod succeeded; otherwise False while an init container
   * has not completed (exit 0) or a sidecar has not started.
   */
  private void initialized(
      Pod pod, String phase, List<ContainerStatus> init, List<ContainerStatus> app) {
    if (app.stream().anyMatch(PodConditions::started)) {
      add(INITIALIZED, true, null, null);
      return;
    }
    List<String> incomplete =
        pod.getSpec().getInitContainers().stream()
            .filter(c -> !initDone(c, PodPhase.find(init, c.getName())))
            .map(c -> c.getName())
            .toList();
    if (incomplete.isEmpty()) {
      add(INITIALIZED, true, null, null);
    } else if (PodPhase.SUCCEEDED.equals(phase)) {
      add(INITIALIZED, true, POD_COMPLETED, null);
    } else {
      String message = "containers with incomplete status: " + goList(incomplete);
      add(INITIALIZED, false, CONTAINERS_NOT_INITIALIZED, message);
    }
  }

  /** Conditions for a pod that cannot start (its configuration is incomplete). */
  List<PodCondition> notStarted(Pod pod) {
    add("PodScheduled", true, null, null);
    add("PodReadyToStartContainers", false, null, null);
    add(INITIALIZED, pod.getSpec().getInitContainers().isEmpty(), null, null);
    List<String> names = pod.getSpec().getContainers().stream().map(c -> c.getName()).toList();
    String message = "containers with unready status: " + goList(names);
    add("ContainersReady", false, CONTAINERS_NOT_READY, message);
    add("Ready", false, CONTAINERS_NOT_READY, message);
    return result;
  }

  private void add(String type, boolean status, String reason, String message) {
    String value = status ? "True" : "False";
    PodCondition previous =
        existing.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String transition = ConditionTimes.since(previous, value, now);
    result.add(
        new PodConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withLastProbeTime(previous == null ? null : previous.getLastProbeTime())
            .withLastTransitionTime(transition)
            .withObservedGeneration(observedGeneration(previous))
            .build());
  }

  /** The kubelet's (1.35 and later): the generation of the pod the condition was composed for. */
  private Long observedGeneration(PodCondition previous) {
    if (generation != null) {
      return generation;
    }
    return previous == null ? null : previous.getObservedGeneration();
  }

  /** An init container completed (exit 0), or a sidecar started. */
  private static boolean initDone(Container container, ContainerStatus status) {
    if (status == null || status.getState() == null) {
      return false;
    }
    if (PodPhase.isSidecar(container)) {
      return Boolean.TRUE.equals(status.getStarted());
    }
    return status.getState().getTerminated() != null
        && status.getState().getTerminated().getExitCode() == 0;
  }

  /** The kubelet's {@code HasAnyRegularContainerStarted}: it runs or ran. */
  private static boolean started(ContainerStatus status) {
    return status.getState() != null
        && (status.getState().getRunning() != null || status.getState().getTerminated() != null);
  }

  /** A list of names as the kubelet's Go formats it in its messages ({@code %s}): {@code [a b]}. */
  static String goList(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }

  private static boolean ready(ContainerStatus status) {
    if (status == null || status.getState() == null || status.getState().getRunning() == null) {
      return false;
    }
    return status.getReady() == null || status.getReady();
  }
}
