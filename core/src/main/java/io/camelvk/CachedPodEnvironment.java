package io.camelvk;

import io.camelvk.node.NodeSettings;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodEnvironment;
import io.camelvk.pod.env.ConfigLookup;
import io.camelvk.pod.env.NodeFacts;
import io.camelvk.pod.env.PodEnvironmentResolver;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Env resolution reading ConfigMaps, Secrets and Services from the informer caches. */
final class CachedPodEnvironment implements PodEnvironment, ConfigLookup {

  private final ClusterCache cache;
  private final NodeSettings node;
  private final PodEnvironmentResolver resolver = new PodEnvironmentResolver(this);

  CachedPodEnvironment(ClusterCache cache, NodeSettings node) {
    this.cache = cache;
    this.node = node;
  }

  @Override
  public Resolution resolve(Pod pod, Map<String, Quantity> allocatable) {
    String podIp =
        pod.getStatus() != null && pod.getStatus().getPodIP() != null
            ? pod.getStatus().getPodIP()
            : node.internalIp();
    var facts = new NodeFacts(allocatable, List.of(node.internalIp()), List.of(podIp));
    return resolver.resolve(pod, facts);
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return cache.configMap(namespace, name);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return cache.secret(namespace, name);
  }

  @Override
  public List<Service> services(String namespace) {
    return cache.services(namespace);
  }
}
