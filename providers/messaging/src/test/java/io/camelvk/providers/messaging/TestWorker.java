package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * in memory and answers on the replies queue (its logs are {@link WorkerLogs}'). It shares no code
 * with the provider. A pod with the annotation {@value #EXIT_AFTER} ends that many milliseconds
 * after it starts.
 */
final class TestWorker implements AutoCloseable {

  static final String EXIT_AFTER = "test-worker/exit-after-ms";
  static final String COMMANDS = "camelvk.commands";
  static final String REPLIES = "camelvk.replies";
  static final String CONTROL = "camelvk.control";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final WorkerOutbox outbox;
  private final WorkerLogs logs;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, ObjectNode> pods = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> statusSequences = new ConcurrentHashMap<>();
  private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
  private volatile boolean answering = true;

  private TestWorker(String url) throws JMSException {
    connection = new ActiveMQConnectionFactory(url).createConnection();
    outbox =
        new WorkerOutbox(
            connection, "test-worker-" + UUID.randomUUID().toString().substring(0, 8), REPLIES);
    logs = new WorkerLogs(outbox);
    Session commandSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    commandSession
        .createConsumer(commandSession.createQueue(COMMANDS))
        .setMessageListener(m -> handle(m, this::command));
    Session controlSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
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
  Set<String> running() {
    return pods.keySet();
  }

  /** Every command received, in order. */
  List<JsonNode> commands() {
    return commands;
  }

  /** The container writes a line to its log: followed logs get it at once. */
  void log(String namespace, String pod, String container, String line) {
    logs.write(namespace + "/" + pod, container, line);
  }

  /** The correlation ids of the followed logs cancelled, in order. */
  List<String> logCancels() {
    return logs.cancels();
  }

  /** Followed logs go on after a cancel, as if it was lost on the way (it is still counted). */
  void loseLogCancels(boolean lose) {
    logs.loseCancels(lose);
  }

  /** How many logs are followed now. */
  int followedLogs() {
    return logs.following();
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
    String subject = event.get("subject").asText();
    ObjectNode pod = (ObjectNode) event.get("data");
    switch (event.get("type").asText()) {
      case "io.camelvk.pod.create", "io.camelvk.pod.update" -> {
        pods.put(uid, pod);
        logs.started(subject, pod);
        outbox.send(status(event, WorkerStatuses.running(pod)));
        long exitAfter = pod.path("metadata").path("annotations").path(EXIT_AFTER).asLong(0);
        if (exitAfter > 0) {
          timers.schedule(() -> exit(event, pod), exitAfter, TimeUnit.MILLISECONDS);
        }
      }
      case "io.camelvk.pod.delete" -> {
        pods.remove(uid);
        logs.ended(subject, true);
        outbox.send(status(event, WorkerStatuses.terminated(pod, 0)));
      }
      default -> throw new IllegalStateException("unknown command " + event.get("type"));
    }
  }

  private void exit(JsonNode event, ObjectNode pod) {
    logs.ended(event.get("subject").asText(), false);
    outbox.sendOrFail(status(event, WorkerStatuses.terminated(pod, 0)));
  }

  private void request(JsonNode event) throws JMSException {
    switch (event.get("type").asText()) {
      case "io.camelvk.pods.list-request" -> {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("pods");
        pods.values().forEach(list::add);
        outbox.send(outbox.reply("io.camelvk.pods.list", event, data));
      }
      case "io.camelvk.pod.logs-request" -> {
        ObjectNode pod = bySubject(event.get("subject").asText());
        if (pod != null) {
          logs.request(event, pod);
        }
      }
      case "io.camelvk.pod.logs-cancel" -> logs.cancel(event);
      default -> {
        // A request this worker does not know: another worker's business.
      }
    }
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
    try {
      outbox.send(outbox.reply("io.camelvk.worker.heartbeat", null, data));
    } catch (JMSException e) {
      // The broker is away; the next beat tries again.
    }
  }

  /** A status reply to a command, the pod's status put in its data. */
  private ObjectNode status(JsonNode command, ObjectNode status) {
    String uid = command.get("poduid").asText();
    ObjectNode reply = outbox.reply("io.camelvk.pod.status", command, status);
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

  /** Sends any text to the replies queue, as a worker (or a broken one) would. */
  void sendRaw(String text) throws JMSException {
    outbox.sendRaw(text);
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
