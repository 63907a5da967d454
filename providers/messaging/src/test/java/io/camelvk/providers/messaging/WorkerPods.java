package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The envelope side of a test worker, whatever broker carries it, written from
 * docs/providers/messaging.md alone: runs pods in memory, answers each command with a status and
 * each request it can answer (logs by {@link WorkerLogs}, followed ones too), and beats every 500
 * ms, all through its {@link WorkerOutbox}. A pod with the annotation {@value
 * TestWorker#EXIT_AFTER} ends that many milliseconds after it starts. It shares no code with the
 * provider.
 */
final class WorkerPods implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkerOutbox outbox;
  private final WorkerLogs logs;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, ObjectNode> pods = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> statusSequences = new ConcurrentHashMap<>();
  private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
  private volatile boolean answering = true;

  WorkerPods(WorkerOutbox outbox) {
    this.outbox = outbox;
    this.logs = new WorkerLogs(outbox);
    timers.scheduleAtFixedRate(this::heartbeat, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** The worker's id, as its replies' {@code source} shows it. */
  String id() {
    return outbox.id();
  }

  /** The pods it runs now, by UID. */
  Set<String> running() {
    return pods.keySet();
  }

  /** Every command received, in order. */
  List<JsonNode> commands() {
    return commands;
  }

  /** The containers' logs, which a test writes to and whose follows it watches. */
  WorkerLogs logs() {
    return logs;
  }

  /** Stops answering commands (they are still taken and counted) and sending heartbeats. */
  void silence() {
    answering = false;
  }

  /** Runs, changes or stops a pod, and answers with its status. */
  void command(JsonNode event) throws Exception {
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
        outbox.send(uid, status(event, WorkerStatuses.running(pod)));
        long exitAfter =
            pod.path("metadata").path("annotations").path(TestWorker.EXIT_AFTER).asLong(0);
        if (exitAfter > 0) {
          timers.schedule(() -> exit(event, pod), exitAfter, TimeUnit.MILLISECONDS);
        }
      }
      case "io.camelvk.pod.delete" -> {
        pods.remove(uid);
        logs.ended(subject, true);
        outbox.send(uid, status(event, WorkerStatuses.terminated(pod, 0)));
      }
      default -> throw new IllegalStateException("unknown command " + event.get("type"));
    }
  }

  /** Answers a pods list or a logs request for a pod it runs; takes a follow's cancel. */
  void request(JsonNode event) throws Exception {
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

  private void exit(JsonNode event, ObjectNode pod) {
    logs.ended(event.get("subject").asText(), false);
    outbox.sendOrFail(
        event.get("poduid").asText(), status(event, WorkerStatuses.terminated(pod, 0)));
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
    } catch (Exception e) {
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

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
