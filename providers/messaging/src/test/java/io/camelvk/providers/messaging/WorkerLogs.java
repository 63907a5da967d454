package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test worker's container logs, as docs/providers/messaging.md asks a worker to serve them:
 * each container's lines ({@code log of <container>} when it starts, then what a test adds), a logs
 * request answered with its tail and since applied, and with {@code follow} every later line as
 * another answer (numbered by {@code logsequence}) until the request is cancelled or the container
 * ends (a last answer with {@code "end": true}).
 */
final class WorkerLogs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Line(Instant at, String text) {}

  private static final class Follow {
    private final JsonNode request;
    private final String container;
    private long next;

    private Follow(JsonNode request, String container) {
      this.request = request;
      this.container = container;
    }
  }

  private final WorkerOutbox outbox;
  private final Map<String, List<Line>> lines = new HashMap<>();
  private final Map<String, Follow> follows = new HashMap<>();
  private final List<String> cancels = new CopyOnWriteArrayList<>();
  private volatile boolean losingCancels;

  WorkerLogs(WorkerOutbox outbox) {
    this.outbox = outbox;
  }

  /** A pod's containers start, each with its first line. */
  synchronized void started(String subject, JsonNode pod) {
    for (JsonNode c : pod.path("spec").path("containers")) {
      String name = c.path("name").asText();
      lines.computeIfAbsent(
          subject + "/" + name,
          k -> new ArrayList<>(List.of(new Line(Instant.now(), "log of " + name + "\n"))));
    }
  }

  /** A line a container writes now, sent to those who follow its log. */
  synchronized void write(String subject, String container, String text) {
    String key = subject + "/" + container;
    lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new Line(Instant.now(), text));
    for (Follow follow : follows.values()) {
      if (follow.container.equals(key)) {
        send(follow, JSON.createObjectNode().put("text", text));
      }
    }
  }

  /** The pod's containers ended: its followed logs end; {@code forget} drops its lines too. */
  synchronized void ended(String subject, boolean forget) {
    follows
        .values()
        .removeIf(
            follow -> {
              if (!follow.container.startsWith(subject + "/")) {
                return false;
              }
              send(follow, JSON.createObjectNode().put("text", "").put("end", true));
              return true;
            });
    if (forget) {
      lines.keySet().removeIf(key -> key.startsWith(subject + "/"));
    }
  }

  /** Answers a logs request about a pod this worker runs. */
  synchronized void request(JsonNode request, JsonNode pod) {
    String subject = request.get("subject").asText();
    JsonNode options = request.get("data");
    String container = options.get("container").asText();
    List<Line> log = lines.get(subject + "/" + container);
    ObjectNode data = JSON.createObjectNode();
    if (log == null || !hasContainer(pod, container)) {
      data.put("error", "NotFound");
      data.put("message", "container " + container + " not found");
      answer(request, data);
      return;
    }
    data.put("text", text(log, options));
    if (!options.path("follow").asBoolean(false)) {
      answer(request, data);
      return;
    }
    Follow follow = new Follow(request, subject + "/" + container);
    follows.put(request.get("correlationid").asText(), follow);
    send(follow, data);
  }

  /** A cancelled follow gets no more lines, unless cancels are lost. */
  synchronized void cancel(JsonNode cancel) {
    String correlation = cancel.get("correlationid").asText();
    cancels.add(correlation);
    if (!losingCancels) {
      follows.remove(correlation);
    }
  }

  /** Whether cancels are taken as if they never came (counted all the same). */
  void loseCancels(boolean lose) {
    losingCancels = lose;
  }

  /** The correlation ids of the follows cancelled, in order. */
  List<String> cancels() {
    return cancels;
  }

  synchronized int following() {
    return follows.size();
  }

  private void answer(JsonNode request, ObjectNode data) {
    outbox.sendOrFail(logs(request, data));
  }

  private void send(Follow follow, ObjectNode data) {
    outbox.sendOrFail(logs(follow.request, data).put("logsequence", follow.next++));
  }

  private ObjectNode logs(JsonNode request, ObjectNode data) {
    ObjectNode reply = outbox.reply("io.camelvk.pod.logs", request, data);
    reply.put("subject", request.get("subject").asText());
    return reply;
  }

  private static String text(List<Line> log, JsonNode options) {
    Instant since =
        options.has("sinceTime") ? Instant.parse(options.get("sinceTime").asText()) : null;
    List<String> shown =
        log.stream()
            .filter(line -> since == null || !line.at().isBefore(since))
            .map(Line::text)
            .toList();
    int tail = options.path("tailLines").asInt(shown.size());
    return String.join("", shown.subList(Math.max(0, shown.size() - tail), shown.size()));
  }

  private static boolean hasContainer(JsonNode pod, String container) {
    for (JsonNode c : pod.path("spec").path("containers")) {
      if (container.equals(c.path("name").asText())) {
        return true;
      }
    }
    return false;
  }
}
