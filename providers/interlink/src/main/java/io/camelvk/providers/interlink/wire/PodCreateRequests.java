package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/**
 * What interLink's virtual kubelet sends to an interLink API server's {@code /create} ({@code
 * types.PodCreateRequests}): the pod with every ConfigMap and Secret it mounts, whole, and its
 * projected and downward API volumes as ConfigMaps named after the volume, keyed by file path.
 */
public record PodCreateRequests(
    @JsonProperty("pod") Pod pod,
    @JsonProperty("configmaps") List<ConfigMap> configMaps,
    @JsonProperty("secrets") List<Secret> secrets,
    @JsonProperty("projectedvolumesmaps") List<ConfigMap> projectedVolumeMaps,
    @JsonProperty("jobscriptURL") String jobScriptBuilderUrl) {

  public PodCreateRequests {
    configMaps = List.copyOf(configMaps);
    secrets = List.copyOf(secrets);
    projectedVolumeMaps = List.copyOf(projectedVolumeMaps);
  }
}
