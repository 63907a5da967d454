package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import java.util.List;

/**
 * One pod's status as {@code /status} answers it ({@code types.PodStatus}, renamed here so that it
 * is not taken for Kubernetes' own): the pod's identity, its job id and its containers' states.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemotePodStatus(
    @JsonProperty("name") String podName,
    @JsonProperty("UID") String podUid,
    @JsonProperty("namespace") String podNamespace,
    @JsonProperty("JID") String jobId,
    @JsonProperty("containers") List<ContainerStatus> containers,
    @JsonProperty("initContainers") List<ContainerStatus> initContainers) {

  public RemotePodStatus {
    containers = containers == null ? List.of() : List.copyOf(containers);
    initContainers = initContainers == null ? List.of() : List.copyOf(initContainers);
  }
}
