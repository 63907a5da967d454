package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * How the test worker sends: every reply of docs/providers/messaging.md to the replies queue, from
 * one session that the worker's threads take in turn, with the attributes every reply carries.
 */
final class WorkerOutbox {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final Session session;
  private final MessageProducer producer;

  WorkerOutbox(Connection connection, String workerId, String replies) throws JMSException {
    this.source = "/workers/" + workerId;
    this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    this.producer = session.createProducer(session.createQueue(replies));
  }

  /** A reply of this worker; to a request or command when {@code request} is given. */
  ObjectNode reply(String type, JsonNode request, JsonNode data) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("specversion", "1.0");
    reply.put("type", type);
    reply.put("source", source);
    reply.put("id", UUID.randomUUID().toString());
    reply.put("time", Instant.now().toString());
    reply.put("datacontenttype", "application/json");
    if (request != null) {
      reply.put("correlationid", request.get("correlationid").asText());
    }
    reply.set("data", data);
    return reply;
  }

  /**
   * A reply about a pod is grouped by its UID, so that the broker gives one pod's to one consumer.
   */
  synchronized void send(JsonNode event) throws JMSException {
    TextMessage message = session.createTextMessage(event.toString());
    if (event.hasNonNull("poduid")) {
      message.setStringProperty("JMSXGroupID", event.get("poduid").asText());
    }
    producer.send(message);
  }

  /** Any text, as a worker (or a broken one) would send it. */
  synchronized void sendRaw(String text) throws JMSException {
    producer.send(session.createTextMessage(text));
  }

  /** For threads that cannot throw: a failure (the broker away) becomes unchecked. */
  void sendOrFail(JsonNode event) {
    try {
      send(event);
    } catch (JMSException e) {
      throw new IllegalStateException("the test worker could not send " + event.get("type"), e);
    }
  }
}
