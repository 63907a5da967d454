package io.camelvk.providers.interlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.provider.NodeProfile;
import io.camelvk.providers.interlink.wire.PingResponse;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's profile from a ping, as interLink's virtual kubelet derives it: Ready while the
 * backend answers 2xx, else Ready False with reason {@code InterlinkPingFailed} and why (the core
 * shows it on the node, and pods keep their last state); the capacity the plugin reports in a JSON
 * answer (interLink 0.6: cpu, memory, pods, accelerators) over the configured one, and the taints
 * it reports ({@link PluginTaints}).
 */
final class BackendHealth {

  static final String PING_FAILED = "InterlinkPingFailed";
  static final String PING_SUCCEEDED = "InterlinkPingSuccessful";

  private final InterlinkClient client;
  private final Map<String, Quantity> configured;
  private final ObjectMapper json = new ObjectMapper();
  private final PluginTaints taints = new PluginTaints();

  /**
   * @param configured the node's capacity until a ping reports the plugin's resources
   */
  BackendHealth(InterlinkClient client, Map<String, Quantity> configured) {
    this.client = client;
    this.configured = Map.copyOf(configured);
  }

  NodeProfile profile() {
    try {
      Optional<PingResponse> answer = parsed(client.ping());
      return profile(
          capacity(answer.map(PingResponse::resources)),
          ready("True", PING_SUCCEEDED, "interLink at " + client.backend() + " answers"),
          taints.after(answer.orElse(null)));
    } catch (RuntimeException e) {
      return profile(configured, ready("False", PING_FAILED, e.getMessage()), taints.current());
    }
  }

  private static NodeProfile profile(
      Map<String, Quantity> capacity, NodeCondition ready, List<Taint> taints) {
    return new NodeProfile(
        capacity,
        Map.of(),
        List.of(ready),
        NodeProfile.DEFAULT.operatingSystemImage(),
        Set.of(),
        List.of(),
        taints);
  }

  private Optional<PingResponse> parsed(String answer) {
    try {
      JsonNode node = json.readTree(answer);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      return Optional.of(json.treeToValue(node, PingResponse.class));
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
