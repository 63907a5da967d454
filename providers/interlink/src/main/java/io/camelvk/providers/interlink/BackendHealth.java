package io.camelvk.providers.interlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.provider.NodeProfile;
import io.camelvk.providers.interlink.wire.PingResponse;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's profile from a ping, as interLink's virtual kubelet derives it: Ready while the
 * backend answers 2xx, else Ready False with reason {@code InterlinkPingFailed} and why (the core
 * shows it on the node, and pods keep their last state); the capacity the plugin reports in a JSON
 * answer (interLink 0.6: cpu, memory, pods, accelerators) over the configured one.
 */
final class BackendHealth {

  static final String PING_FAILED = "InterlinkPingFailed";
  static final String PING_SUCCEEDED = "InterlinkPingSuccessful";

  private final InterlinkClient client;
  private final Map<String, Quantity> configured;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param configured the node's capacity until a ping reports the plugin's resources
   */
  BackendHealth(InterlinkClient client, Map<String, Quantity> configured) {
    this.client = client;
    this.configured = Map.copyOf(configured);
  }

  NodeProfile profile() {
    try {
      String answer = client.ping();
      return new NodeProfile(
          capacity(reported(answer)),
          Map.of(),
          List.of(ready("True", PING_SUCCEEDED, "interLink at " + client.backend() + " answers")),
          NodeProfile.DEFAULT.operatingSystemImage());
    } catch (RuntimeException e) {
      return new NodeProfile(
          configured,
          Map.of(),
          List.of(ready("False", PING_FAILED, e.getMessage())),
          NodeProfile.DEFAULT.operatingSystemImage());
    }
  }

  private Optional<PingResponse.Resources> reported(String answer) {
    try {
      JsonNode node = json.readTree(answer);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      return Optional.ofNullable(json.treeToValue(node, PingResponse.class).resources());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private Map<String, Quantity> capacity(Optional<PingResponse.Resources> reported) {
    Map<String, Quantity> capacity = new LinkedHashMap<>(configured);
    reported.ifPresent(
        r -> {
          put(capacity, "cpu", r.cpu());
          put(capacity, "memory", r.memory());
          put(capacity, "pods", r.pods());
          if (r.accelerators() != null) {
            r.accelerators().forEach(a -> put(capacity, a.resourceType(), a.available()));
          }
        });
    return capacity;
  }

  private static void put(Map<String, Quantity> capacity, String name, String value) {
    if (name == null || name.isBlank() || value == null || value.isBlank()) {
      return;
    }
    try {
      Quantity quantity = new Quantity(value.strip());
      Quantity.getAmountInBytes(quantity);
      capacity.put(name, quantity);
    } catch (RuntimeException e) {
      // a value that is no quantity leaves the default, as interLink's virtual kubelet does
    }
  }

  private static NodeCondition ready(String status, String reason, String message) {
    return new NodeConditionBuilder()
        .withType("Ready")
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
