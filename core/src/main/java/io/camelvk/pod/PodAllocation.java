package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The container resources the core last handed a pod's provider, like the kubelet's allocated
 * resources (its allocation manager's checkpoint): a resize changes them once the provider is given
 * it, not when the spec changes. {@code generation} is the pod's generation they were handed at.
 */
public record PodAllocation(long generation, Map<String, ResourceRequirements> byContainer) {

  /** What the provider is handed of this pod: its containers' resources as the spec says. */
  public static PodAllocation of(Pod pod) {
    Map<String, ResourceRequirements> resources = new HashMap<>();
    Stream.concat(
            pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
        .forEach(c -> resources.put(c.getName(), copy(c.getResources())));
    Long generation = pod.getMetadata().getGeneration();
    return new PodAllocation(generation == null ? 0 : generation, Map.copyOf(resources));
  }

  /** The container's allocated resources; the spec's for a container handed none. */
  ResourceRequirements of(Container container) {
    ResourceRequirements allocated = byContainer.get(container.getName());
    return copy(allocated != null ? allocated : container.getResources());
  }

  private static ResourceRequirements copy(ResourceRequirements resources) {
    ResourceRequirements copy = new ResourceRequirements();
    if (resources != null) {
      copy.setRequests(copy(resources.getRequests()));
      copy.setLimits(copy(resources.getLimits()));
      if (resources.getClaims() != null) {
        copy.setClaims(resources.getClaims());
      }
    }
    return copy;
  }

  private static Map<String, Quantity> copy(Map<String, Quantity> quantities) {
    return quantities == null ? new LinkedHashMap<>() : new LinkedHashMap<>(quantities);
  }
}
