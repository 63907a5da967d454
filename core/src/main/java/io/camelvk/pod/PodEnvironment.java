package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves a pod's container environment like the kubelet (ConfigMaps, Secrets, downward API). */
public interface PodEnvironment {

  /**
   * @param allocatable what the pod's provider offers: the default of {@code resourceFieldRef}
   *     limits a container does not set
   */
  Resolution resolve(Pod pod, Map<String, Quantity> allocatable);

  /** An event to record on the pod. */
  record Event(String type, String reason, String message) {}

  /**
   * @param pod a copy of the pod with every container's env resolved to plain values
   * @param blockingError why the pod cannot start (a mandatory reference is missing), if so
   */
  record Resolution(Pod pod, List<Event> events, Optional<String> blockingError) {
    @Override
    public String toString() {
      return "Resolution[events=" + events.size() + ", blocked=" + blockingError.isPresent() + "]";
    }
  }
}
