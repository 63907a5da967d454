package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The kubelet's pod conditions: PodScheduled, PodReadyToStartContainers, Initialized,
 * ContainersReady and Ready, keeping each one's lastTransitionTime while its status stays.
 */
final class PodConditions {

  static final String CONTAINERS_NOT_READY = "ContainersNotReady";
  static final String CONTAINERS_NOT_INITIALIZED = "ContainersNotInitialized";
  static final String POD_COMPLETED = "PodCompleted";

  private final List<PodCondition> existing;
  private final String now;
  private final List<PodCondition> result = new ArrayList<>();

  PodConditions(Pod pod, String now) {
    this.existing = pod.getStatus() == null ? List.of() : pod.getStatus().getConditions();
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
    List<String> notInitialized =
        pod.getSpec().getInitContainers().stream()
            .filter(c -> !PodPhase.isSidecar(c))
            .map(c -> c.getName())
            .filter(name -> !succeeded(PodPhase.find(init, name)))
            .toList();
    boolean initialized =
        notInitialized.isEmpty() || PodPhase.isTerminal(phase) && PodPhase.SUCCEEDED.equals(phase);
    add(
        "Initialized",
        initialized,
        initialized ? null : CONTAINERS_NOT_INITIALIZED,
        initialized ? null : "containers with incomplete status: " + notInitialized);
    if (PodPhase.isTerminal(phase)) {
      add("ContainersReady", false, POD_COMPLETED, null);
      add("Ready", false, POD_COMPLETED, null);
      return result;
    }
    List<String> unready =
        pod.getSpec().getContainers().stream()
            .map(c -> c.getName())
            .filter(name -> !ready(PodPhase.find(app, name)))
            .toList();
    String message = unready.isEmpty() ? null : "containers with unready status: " + unready;
    add(
        "ContainersReady",
        unready.isEmpty(),
        unready.isEmpty() ? null : CONTAINERS_NOT_READY,
        message);
    add("Ready", unready.isEmpty(), unready.isEmpty() ? null : CONTAINERS_NOT_READY, message);
    return result;
  }

  /** Conditions for a pod that cannot start (its configuration is incomplete). */
  List<PodCondition> notStarted(Pod pod) {
    add("PodScheduled", true, null, null);
    add("PodReadyToStartContainers", false, null, null);
    add("Initialized", pod.getSpec().getInitContainers().isEmpty(), null, null);
    List<String> names = pod.getSpec().getContainers().stream().map(c -> c.getName()).toList();
    add("ContainersReady", false, CONTAINERS_NOT_READY, "containers with unready status: " + names);
    add("Ready", false, CONTAINERS_NOT_READY, "containers with unready status: " + names);
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
            .withObservedGeneration(previous == null ? null : previous.getObservedGeneration())
            .build());
  }

  private static boolean succeeded(ContainerStatus status) {
    return status != null
        && status.getState() != null
        && status.getState().getTerminated() != null
        && status.getState().getTerminated().getExitCode() == 0;
  }

  private static boolean ready(ContainerStatus status) {
    if (status == null || status.getState() == null || status.getState().getRunning() == null) {
      return false;
    }
    return status.getReady() == null || status.getReady();
  }
}
