package io.camelvk.pod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The message of the kubelet's resize events (its {@code podResizeMessage}): a prefix, then the
 * containers' resources, the generation and the error as the JSON the kubelet's {@code
 * encoding/json} writes: fields in the order of its structs, empty ones left out, map keys sorted,
 * and {@code <}, {@code >} and {@code &} escaped.
 */
final class PodResizeMessage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PodResizeMessage() {}

  /**
   * @param resources the containers' resources the message shows: the allocated ones, or the spec's
   *     for a resize not yet allocated
   * @param error the error, or null
   */
  static String of(String prefix, Pod pod, PodAllocation resources, long generation, String error) {
    ObjectNode summary = JSON.createObjectNode();
    List<Container> init = pod.getSpec().getInitContainers();
    if (!init.isEmpty()) {
      summary.set("initContainers", containers(init, resources));
    }
    if (!pod.getSpec().getContainers().isEmpty()) {
      summary.set("containers", containers(pod.getSpec().getContainers(), resources));
    }
    summary.put("generation", generation);
    if (error != null && !error.isEmpty()) {
      summary.put("error", error);
    }
    try {
      return prefix + ": " + htmlSafe(JSON.writeValueAsString(summary));
    } catch (JsonProcessingException e) {
      return prefix;
    }
  }

  private static ArrayNode containers(List<Container> containers, PodAllocation resources) {
    ArrayNode list = JSON.createArrayNode();
    for (Container container : containers) {
      ObjectNode allocation = list.addObject().put("name", container.getName());
      allocation.set("resources", requirements(resources.of(container)));
    }
    return list;
  }

  private static ObjectNode requirements(ResourceRequirements requirements) {
    ObjectNode node = JSON.createObjectNode();
    quantities(node, "limits", requirements.getLimits());
    quantities(node, "requests", requirements.getRequests());
    List<ResourceClaim> claims = requirements.getClaims();
    if (claims != null && !claims.isEmpty()) {
      ArrayNode list = node.putArray("claims");
      for (ResourceClaim claim : claims) {
        ObjectNode entry = list.addObject().put("name", claim.getName());
        if (claim.getRequest() != null && !claim.getRequest().isEmpty()) {
          entry.put("request", claim.getRequest());
        }
      }
    }
    return node;
  }

  private static void quantities(ObjectNode node, String field, Map<String, Quantity> quantities) {
    if (quantities == null || quantities.isEmpty()) {
      return;
    }
    ObjectNode map = node.putObject(field);
    new TreeMap<>(quantities)
        .forEach(
            (name, q) ->
                map.put(name, q.getAmount() + (q.getFormat() == null ? "" : q.getFormat())));
  }

  /**
   * Go's encoder escapes these in strings; outside strings the summary has none of them, so
   * replacing them all escapes exactly those.
   */
  private static String htmlSafe(String json) {
    return json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
