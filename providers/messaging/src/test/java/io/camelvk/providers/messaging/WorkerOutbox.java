package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * How a test worker sends, whatever broker carries it: every reply of docs/providers/messaging.md,
 * with the attributes every reply carries, to the worker's {@link Sink} (the replies queue or
 * topic), keyed by the pod UID for a pod's statuses and by the worker's id for the rest: Kafka
 * keeps one key's records in one partition, JMS gives one group's messages to one consumer.
 */
final class WorkerOutbox {

  /** The replies queue or topic; a JMS sink groups by the key (JMSXGroupID). */
  interface Sink {
    void send(String key, String text) throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final Sink sink;

  WorkerOutbox(String idPrefix, Sink sink) {
    this.id = idPrefix + UUID.randomUUID().toString().substring(0, 8);
    this.sink = sink;
  }

  /** The worker's id, as its replies' {@code source} shows it. */
  String id() {
    return id;
  }

  /** A reply of this worker; to a request or command when {@code request} is given. */
  ObjectNode reply(String type, JsonNode request, JsonNode data) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("specversion", "1.0");
    reply.put("type", type);
    reply.put("source", "/workers/" + id);
    reply.put("id", UUID.randomUUID().toString());
    reply.put("time", Instant.now().toString());
    reply.put("datacontenttype", "application/json");
    if (request != null) {
      reply.put("correlationid", request.get("correlationid").asText());
    }
    reply.set("data", data);
    return reply;
  }

  /** A reply keyed by the worker's id. */
  void send(JsonNode event) throws Exception {
    send(id, event);
  }

  void send(String key, JsonNode event) throws Exception {
    sink.send(key, event.toString());
  }

  /** For threads that cannot throw: a failure (the broker away) becomes unchecked. */
  void sendOrFail(String key, JsonNode event) {
    try {
      send(key, event);
    } catch (Exception e) {
      throw new IllegalStateException("the test worker could not send " + event.get("type"), e);
    }
  }
}
