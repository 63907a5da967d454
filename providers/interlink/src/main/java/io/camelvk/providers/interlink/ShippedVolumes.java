package io.camelvk.providers.interlink;

import io.camelvk.providers.interlink.wire.PodCreateRequests;
import io.camelvk.providers.interlink.wire.RetrievedContainer;
import io.camelvk.providers.interlink.wire.RetrievedPodData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A pod's volumes as interLink ships them, by volume name: its ConfigMaps and Secrets, and its
 * projected and downward API volumes as ConfigMaps named after the volume, keyed by file path.
 */
record ShippedVolumes(
    Map<String, ConfigMap> configMaps,
    Map<String, Secret> secrets,
    Map<String, ConfigMap> projected) {

  static final ShippedVolumes NONE = new ShippedVolumes(Map.of(), Map.of(), Map.of());

  /** The body of an interLink API server's {@code /create}: every volume of the pod. */
  PodCreateRequests forApiServer(Pod pod) {
    return new PodCreateRequests(
        pod,
        distinct(configMaps.values().stream()),
        distinctSecrets(secrets.values().stream()),
        List.copyOf(projected.values()),
        "");
  }

  /** The body of a plugin's {@code /create}: each container's volumes, init containers first. */
  RetrievedPodData forPlugin(Pod pod) {
    List<RetrievedContainer> containers = new ArrayList<>();
    Stream.concat(
            pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
        .map(this::of)
        .forEach(containers::add);
    return new RetrievedPodData(pod, containers);
  }

  private RetrievedContainer of(Container container) {
    List<String> mounted = container.getVolumeMounts().stream().map(VolumeMount::getName).toList();
    return new RetrievedContainer(
        container.getName(),
        distinct(mounted.stream().filter(configMaps::containsKey).map(configMaps::get)),
        mounted.stream().filter(projected::containsKey).map(projected::get).toList(),
        distinctSecrets(mounted.stream().filter(secrets::containsKey).map(secrets::get)),
        List.of());
  }

  /** One ConfigMap per name: two volumes may show the same one. */
  private static List<ConfigMap> distinct(Stream<ConfigMap> maps) {
    return maps
        .collect(
            Collectors.toMap(
                m -> m.getMetadata().getName(), m -> m, ShippedVolumes::merged, LinkedHashMap::new))
        .values()
        .stream()
        .toList();
  }

  private static List<Secret> distinctSecrets(Stream<Secret> secrets) {
    return secrets
        .collect(
            Collectors.toMap(
                s -> s.getMetadata().getName(), s -> s, ShippedVolumes::merged, LinkedHashMap::new))
        .values()
        .stream()
        .toList();
  }

  private static ConfigMap merged(ConfigMap a, ConfigMap b) {
    ConfigMap both = new ConfigMapBuilder(a).build();
    both.getData().putAll(b.getData());
    both.getBinaryData().putAll(b.getBinaryData());
    return both;
  }

  private static Secret merged(Secret a, Secret b) {
    Secret both = new SecretBuilder(a).build();
    both.getData().putAll(b.getData());
    return both;
  }
}
