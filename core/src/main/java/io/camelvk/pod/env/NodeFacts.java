package io.camelvk.pod.env;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

/**
 * What the downward API needs beyond the pod: the node's allocatable resources (the default of a
 * limit that is not set) and the addresses the pod will have.
 */
public record NodeFacts(
    Map<String, Quantity> allocatable, List<String> hostIps, List<String> podIps) {

  public NodeFacts {
    allocatable = Map.copyOf(allocatable);
    hostIps = List.copyOf(hostIps);
    podIps = List.copyOf(podIps);
  }
}
