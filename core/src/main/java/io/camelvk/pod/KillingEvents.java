package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The kubelet's Normal {@code Killing} events for the containers the core is about to have its
 * provider stop or restart, from the pod's last written status: each running container before a
 * delete, each running container whose image an update changes.
 */
final class KillingEvents {

  static final String KILLING = ContainerEvents.KILLING;

  private final PodEvents events;

  KillingEvents(PodEvents events) {
    this.events = events;
  }

  /**
   * Killing for each container the pod runs, before it is stopped: regular, ephemeral and init
   * containers (sidecars), as the kubelet's killContainer writes it for each container it stops, in
   * the order they stop (sidecars last, the last one first).
   */
  void stopping(Pod pod) {
    if (pod.getStatus() == null) {
      return;
    }
    stopping(pod, pod.getStatus().getContainerStatuses(), "spec.containers");
    stopping(pod, pod.getStatus().getEphemeralContainerStatuses(), "spec.ephemeralContainers");
    stopping(pod, pod.getStatus().getInitContainerStatuses().reversed(), "spec.initContainers");
  }

  private void stopping(Pod pod, List<ContainerStatus> statuses, String field) {
    for (ContainerStatus status : statuses) {
      if (isRunning(status)) {
        String name = status.getName();
        events.onContainer(
            pod, field + "{" + name + "}", "Normal", KILLING, "Stopping container " + name);
      }
    }
  }

  /**
   * Killing for each running container whose image the update changes: the provider will restart
   * it, as the kubelet does when a container's definition changed.
   */
  void updating(Pod pod) {
    if (pod.getStatus() == null) {
      return;
    }
    for (var field : PodSpecContainers.withFieldPaths(pod)) {
      ContainerStatus status =
          PodPhase.find(pod.getStatus().getContainerStatuses(), field.container().getName());
      if (status != null
          && isRunning(status)
          && status.getImage() != null
          && !status.getImage().equals(field.container().getImage())) {
        events.onContainer(
            pod,
            field.fieldPath(),
            "Normal",
            KILLING,
            "Container " + status.getName() + " definition changed, will be restarted");
      }
    }
  }

  private static boolean isRunning(ContainerStatus status) {
    return status.getState() != null && status.getState().getRunning() != null;
  }
}
