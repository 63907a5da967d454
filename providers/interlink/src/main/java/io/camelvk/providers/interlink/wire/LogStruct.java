package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code /getLogs} ({@code types.LogStruct}). {@code Opts} is a map because the name of
 * its byte limit differs between releases ({@link LogBytesField}).
 */
public record LogStruct(
    @JsonProperty("Namespace") String namespace,
    @JsonProperty("PodUID") String podUid,
    @JsonProperty("PodName") String podName,
    @JsonProperty("ContainerName") String containerName,
    @JsonProperty("Opts") Map<String, Object> opts) {

  public LogStruct {
    opts = Map.copyOf(opts);
  }
}
