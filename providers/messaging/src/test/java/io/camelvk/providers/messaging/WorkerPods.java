package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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

/**
 * The envelope side of a test worker, whatever broker carries it, written from
 * docs/providers/messaging.md alone: runs pods in memory, answers each command with a status and
 * each request it can answer, and beats every 500 ms. What it answers goes to {@link Replies},
 * keyed by the pod UID for statuses. A pod with the annotation {@value TestWorker#EXIT_AFTER} ends
 * that many milliseconds after it starts. It shares no code with the provider.
 */
final class WorkerPods implements AutoCloseable {

  /** Where the worker's answers go: the replies queue or topic. */
  interface Replies {
    void send(String key, JsonNode event) throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final Replies replies;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, ObjectNode> pods = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> statusSequences = new ConcurrentHashMap<>();
  private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
  private volatile boolean answering = true;

  WorkerPods(String idPrefix, Replies replies) {
    this.id = idPrefix + UUID.randomUUID().toString().substring(0, 8);
    this.replies = replies;
    timers.scheduleAtFixedRate(this::heartbeat, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** The worker's id, as its replies' {@code source} shows it. */
  String id() {
    return id;
  }

  /** The pods it runs now, by UID. */
  Set<String> running() {
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

  /** Runs, changes or stops a pod, and answers with its status. */
  void command(JsonNode event) throws Exception {
    commands.add(event);
    if (!answering) {
      return;
    }
    String uid = event.get("poduid").asText();
    ObjectNode pod = (ObjectNode) event.get("data");
    switch (event.get("type").asText()) {
      case "io.camelvk.pod.create", "io.camelvk.pod.update" -> {
        pods.put(uid, pod);
        replies.send(uid, status(event, WorkerStatuses.running(pod)));
        long exitAfter =
            pod.path("metadata").path("annotations").path(TestWorker.EXIT_AFTER).asLong(0);
        if (exitAfter > 0) {
          timers.schedule(() -> exit(event, pod), exitAfter, TimeUnit.MILLISECONDS);
        }
      }
      case "io.camelvk.pod.delete" -> {
        pods.remove(uid);
        replies.send(uid, status(event, WorkerStatuses.terminated(pod, 0)));
      }
      default -> throw new IllegalStateException("unknown command " + event.get("type"));
    }
  }

  /** Answers a pods list, or a logs request for a pod it runs. */
  void request(JsonNode event) throws Exception {
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
        logs(pod, event.get("data").get("container").asText(), data);
      }
      default -> {
        return;
      }
    }
    replies.send(id, reply(event.get("type").asText().replace("-request", ""), event, data));
  }

  private static void logs(ObjectNode pod, String container, ObjectNode data) {
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

  private void exit(JsonNode event, ObjectNode pod) {
    try {
      replies.send(event.get("poduid").asText(), status(event, WorkerStatuses.terminated(pod, 0)));
    } catch (Exception e) {
      throw new IllegalStateException("the test worker could not report an exit", e);
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
      replies.send(id, reply("io.camelvk.worker.heartbeat", null, data));
    } catch (Exception e) {
      // The broker is away; the next beat tries again.
    }
  }

  /** A status reply to a command, the pod's status put in its data. */
  private ObjectNode status(JsonNode command, ObjectNode status) {
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

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
