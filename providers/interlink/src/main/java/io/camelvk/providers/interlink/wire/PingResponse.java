package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The optional JSON answer of a ping ({@code types.PingResponse}, interLink 0.6): the plugin's
 * resources and taints. A ping answered with plain text (older releases) has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PingResponse(
    @JsonProperty("status") String status,
    @JsonProperty("resources") Resources resources,
    @JsonProperty("taints") List<Taint> taints) {

  /** {@code types.ResourcesResponse}: quantities as text; an empty field leaves the node's. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Resources(
      @JsonProperty("cpu") String cpu,
      @JsonProperty("memory") String memory,
      @JsonProperty("pods") String pods,
      @JsonProperty("accelerators") List<Accelerator> accelerators) {}

  /** {@code types.AcceleratorResponse}: an extended resource such as {@code nvidia.com/gpu}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Accelerator(
      @JsonProperty("resourceType") String resourceType,
      @JsonProperty("available") String available) {}

  /** {@code types.TaintResponse}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Taint(
      @JsonProperty("key") String key,
      @JsonProperty("value") String value,
      @JsonProperty("effect") String effect) {}
}
