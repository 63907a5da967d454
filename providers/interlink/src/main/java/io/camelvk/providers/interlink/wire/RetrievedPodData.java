package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * What an interLink API server sends to its plugin's {@code /create} ({@code
 * types.RetrievedPodData}): the pod, and for each of its init and regular containers, in that
 * order, the ConfigMaps, Secrets and projected volumes that container mounts. The optional job
 * script fields are left out, as interLink leaves them when no script builder is configured.
 */
public record RetrievedPodData(
    @JsonProperty("pod") Pod pod, @JsonProperty("container") List<RetrievedContainer> containers) {

  public RetrievedPodData {
    containers = List.copyOf(containers);
  }
}
