package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/** One container's volume data in a {@link RetrievedPodData} ({@code types.RetrievedContainer}). */
public record RetrievedContainer(
    @JsonProperty("name") String name,
    @JsonProperty("configMaps") List<ConfigMap> configMaps,
    @JsonProperty("projectedvolumemaps") List<ConfigMap> projectedVolumeMaps,
    @JsonProperty("secrets") List<Secret> secrets,
    @JsonProperty("emptyDirs") List<String> emptyDirs) {

  public RetrievedContainer {
    configMaps = List.copyOf(configMaps);
    projectedVolumeMaps = List.copyOf(projectedVolumeMaps);
    secrets = List.copyOf(secrets);
    emptyDirs = List.copyOf(emptyDirs);
  }
}
