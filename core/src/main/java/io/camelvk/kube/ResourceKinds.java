package io.camelvk.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.util.Map;

/** The model classes of the kinds this process watches, by API version and kind. */
final class ResourceKinds {

  private static final Map<String, Class<? extends KubernetesResource>> CORE =
      Map.of(
          "Pod", Pod.class,
          "Node", Node.class,
          "ConfigMap", ConfigMap.class,
          "Secret", Secret.class,
          "Service", Service.class,
          "Event", Event.class,
          "Status", Status.class);

  private ResourceKinds() {}

  /** The class for a kind, or null when it is not one of these. */
  static Class<? extends KubernetesResource> of(String apiVersion, String kind) {
    if ("v1".equals(apiVersion)) {
      return CORE.get(kind);
    }
    if ("coordination.k8s.io/v1".equals(apiVersion) && "Lease".equals(kind)) {
      return Lease.class;
    }
    return null;
  }
}
