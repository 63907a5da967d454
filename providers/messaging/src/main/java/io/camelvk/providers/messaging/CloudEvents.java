package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.UUID;

/**
 * The envelope of docs/providers/messaging.md: CloudEvents 1.0 in structured JSON mode, the
 * extensions this provider uses, and the event types.
 */
final class CloudEvents {

  static final String SPEC_VERSION = "1.0";
  static final String CREATE = "io.camelvk.pod.create";
  static final String UPDATE = "io.camelvk.pod.update";
  static final String DELETE = "io.camelvk.pod.delete";
  static final String LOGS_REQUEST = "io.camelvk.pod.logs-request";
  static final String LIST_REQUEST = "io.camelvk.pods.list-request";
  static final String LOGS_CANCEL = "io.camelvk.pod.logs-cancel";
  static final String STATUS = "io.camelvk.pod.status";
  static final String LOGS = "io.camelvk.pod.logs";
  static final String LIST = "io.camelvk.pods.list";
  static final String HEARTBEAT = "io.camelvk.worker.heartbeat";

  static final ObjectMapper JSON = new ObjectMapper();

  private CloudEvents() {}

  /** A new event from this node; its correlation id is its id. */
  static ObjectNode event(String type, String node, Clock clock) {
    String id = UUID.randomUUID().toString();
    ObjectNode event = JSON.createObjectNode();
    event.put("specversion", SPEC_VERSION);
    event.put("type", type);
    event.put("source", "/nodes/" + node);
    event.put("id", id);
    event.put("time", clock.instant().toString());
    event.put("datacontenttype", "application/json");
    event.put("correlationid", id);
    return event;
  }

  static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      throw new PoisonMessageException("an empty message is no CloudEvent");
    }
    try {
      JsonNode event = JSON.readTree(text);
      if (!event.isObject()) {
        throw new PoisonMessageException(
            "a CloudEvent is a JSON object, not " + event.getNodeType());
      }
      if (!SPEC_VERSION.equals(event.path("specversion").asText())) {
        throw new PoisonMessageException(
            "specversion must be 1.0, not " + event.path("specversion").asText("none"));
      }
      required(event, "id");
      required(event, "source");
      return event;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PoisonMessageException("not JSON: " + e.getOriginalMessage());
    }
  }

  /** A text attribute the event must have. */
  static String required(JsonNode event, String attribute) {
    JsonNode value = event.get(attribute);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new PoisonMessageException(
          "a " + event.path("type").asText("CloudEvent") + " needs the attribute " + attribute);
    }
    return value.asText();
  }

  static String write(JsonNode event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an event: " + e.getOriginalMessage(), e);
    }
  }
}
