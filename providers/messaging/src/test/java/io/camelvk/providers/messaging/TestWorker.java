package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A worker as a team would write one from docs/providers/messaging.md alone: a plain Jakarta JMS
 * client that takes commands from the commands queue and requests from the control topic, runs pods
 * in memory and answers on the replies queue. It shares no code with the provider. A pod with the
 * annotation {@value #EXIT_AFTER} ends that many milliseconds after it starts.
 */
final class TestWorker implements AutoCloseable {

  static final String EXIT_AFTER = "test-worker/exit-after-ms";
  static final String COMMANDS = "camelvk.commands";
  static final String REPLIES = "camelvk.replies";
  static final String CONTROL = "camelvk.control";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id = "test-worker-" + UUID.randomUUID().toString().substring(0, 8);
  private final Connection connection;
  private final Session commandSession;
  private final MessageProducer commandReplies;
  private final Session controlSession;
  private final MessageProducer controlReplies;
  private final Session beatSession;
  private final MessageProducer beats;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, ObjectNode> pods = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> statusSequences = new ConcurrentHashMap<>();
  private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
  private volatile boolean answering = true;

  private TestWorker(String url) throws JMSException {
    connection = new ActiveMQConnectionFactory(url).createConnection();
    commandSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    commandReplies = commandSession.createProducer(commandSession.createQueue(REPLIES));
    controlSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    controlReplies = controlSession.createProducer(controlSession.createQueue(REPLIES));
    beatSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    beats = beatSession.createProducer(beatSession.createQueue(REPLIES));
    commandSession
        .createConsumer(commandSession.createQueue(COMMANDS))
        .setMessageListener(m -> handle(m, this::command));
    controlSession
        .createConsumer(controlSession.createTopic(CONTROL))
        .setMessageListener(m -> handle(m, this::request));
    connection.start();
    timers.scheduleAtFixedRate(this::heartbeat, 0, 500, TimeUnit.MILLISECONDS);
  }

  /**
   * @param url the broker; with {@code ?reconnectAttempts=-1} the client reconnects by itself after
   *     a broker restart and recreates its consumers
   */
  static TestWorker start(String url) {
    try {
      return new TestWorker(url);
    } catch (JMSException e) {
      throw new IllegalStateException("the test worker cannot connect to " + url, e);
    }
  }

  /** The pods it runs now, by UID. */
  java.util.Set<String> running() {
    return pods.keySet();
  }

  /** Every command received, in order. */
  List<JsonNode> commands() {
    return commands;
  }

  /** Stops answering commands (they are still taken and counted) and sending heartbeats. */
  void silence() {
    answering = false;
  }

  private interface Handler {
    void handle(JsonNode event) throws JMSException;
  }

  private void handle(Message message, Handler handler) {
    try {
      handler.handle(JSON.readTree(((TextMessage) message).getText()));
    } catch (Exception e) {
      throw new IllegalStateException("the test worker failed on a message", e);
    }
  }

  private void command(JsonNode event) throws JMSException {
    commands.add(event);
    if (!answering) {
      return;
    }
    String uid = event.get("poduid").asText();
    ObjectNode pod = (ObjectNode) event.get("data");
    switch (event.get("type").asText()) {
      case "io.camelvk.pod.create", "io.camelvk.pod.update" -> {
        pods.put(uid, pod);
        commandReplies.send(text(commandSession, status(event, WorkerStatuses.running(pod))));
        long exitAfter = pod.path("metadata").path("annotations").path(EXIT_AFTER).asLong(0);
        if (exitAfter > 0) {
          timers.schedule(() -> exit(event, pod), exitAfter, TimeUnit.MILLISECONDS);
        }
      }
      case "io.camelvk.pod.delete" -> {
        pods.remove(uid);
        commandReplies.send(text(commandSession, status(event, WorkerStatuses.terminated(pod, 0))));
      }
      default -> throw new IllegalStateException("unknown command " + event.get("type"));
    }
  }

  private void exit(JsonNode event, ObjectNode pod) {
    synchronized (beatSession) {
      try {
        beats.send(text(beatSession, status(event, WorkerStatuses.terminated(pod, 0))));
      } catch (JMSException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void request(JsonNode event) throws JMSException {
    ObjectNode data = JSON.createObjectNode();
    switch (event.get("type").asText()) {
      case "io.camelvk.pods.list-request" -> {
        ArrayNode list = data.putArray("pods");
        pods.values().forEach(list::add);
      }
      case "io.camelvk.pod.logs-request" -> {
        ObjectNode pod = bySubject(event.get("subject").asText());
        if (pod == null) {
          return;
        }
        String container = event.get("data").get("container").asText();
        boolean known = false;
        for (JsonNode c : pod.path("spec").path("containers")) {
          known |= container.equals(c.path("name").asText());
        }
        if (known) {
          data.put("text", "log of " + container + "\n");
        } else {
          data.put("error", "NotFound");
          data.put("message", "container " + container + " not found");
        }
      }
      default -> {
        return;
      }
    }
    ObjectNode reply = reply(event.get("type").asText().replace("-request", ""), event, data);
    controlReplies.send(text(controlSession, reply));
  }

  private ObjectNode bySubject(String subject) {
    return pods.values().stream()
        .filter(
            p ->
                subject.equals(
                    p.path("metadata").path("namespace").asText()
                        + "/"
                        + p.path("metadata").path("name").asText()))
        .findFirst()
        .orElse(null);
  }

  private void heartbeat() {
    if (!answering) {
      return;
    }
    ObjectNode data = JSON.createObjectNode();
    ObjectNode capacity = data.putObject("capacity");
    capacity.put("cpu", "8");
    capacity.put("memory", "32Gi");
    capacity.put("pods", "100");
    synchronized (beatSession) {
      try {
        beats.send(text(beatSession, reply("io.camelvk.worker.heartbeat", null, data)));
      } catch (JMSException e) {
        // The broker is away; the next beat tries again.
      }
    }
  }

  /** A status reply to a command, the pod's status put in its data. */
  ObjectNode status(JsonNode command, ObjectNode status) {
    String uid = command.get("poduid").asText();
    ObjectNode reply = reply("io.camelvk.pod.status", command, status);
    reply.put("subject", command.get("subject").asText());
    reply.put("poduid", uid);
    reply.put("sequence", command.get("sequence").asText());
    reply.put(
        "statussequence",
        statusSequences
            .computeIfAbsent(uid + "/" + command.get("sequence").asText(), k -> new AtomicInteger())
            .getAndIncrement());
    ObjectNode pod = pods.get(uid);
    if (pod != null) {
      pod.set("status", status);
    }
    return reply;
  }

  private ObjectNode reply(String type, JsonNode request, JsonNode data) {
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

  /** Sends any text to the replies queue, as a worker (or a broken one) would. */
  void sendRaw(String text) throws JMSException {
    synchronized (beatSession) {
      beats.send(beatSession.createTextMessage(text));
    }
  }

  /** A status is grouped by its pod UID, so that the broker gives one pod's to one consumer. */
  private static TextMessage text(Session session, JsonNode event) throws JMSException {
    TextMessage message = session.createTextMessage(event.toString());
    if (event.hasNonNull("poduid")) {
      message.setStringProperty("JMSXGroupID", event.get("poduid").asText());
    }
    return message;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    try {
      connection.close();
    } catch (JMSException e) {
      // Closing after the broker went away: nothing left to close.
    }
  }
}
