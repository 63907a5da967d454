package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The PodStatus JSON the test worker reports (every container running, or every one ended), and a
 * status reply carrying one.
 */
final class WorkerStatuses {

  static final ObjectMapper JSON = new ObjectMapper();

  private WorkerStatuses() {}

  static ObjectNode running(JsonNode pod) {
    return running(pod, 0);
  }

  /** Every container running, each restarted this many times. */
  static ObjectNode running(JsonNode pod, int restarts) {
    ObjectNode status = containers(pod, "running", JSON.createObjectNode().put("startedAt", now()));
    status
        .withArray("containerStatuses")
        .forEach(c -> ((ObjectNode) c).put("restartCount", restarts));
    return status;
  }

  static ObjectNode terminated(JsonNode pod, int exitCode) {
    ObjectNode state =
        JSON.createObjectNode()
            .put("exitCode", exitCode)
            .put("reason", exitCode == 0 ? "Completed" : "Error")
            .put("startedAt", now())
            .put("finishedAt", now());
    return containers(pod, "terminated", state);
  }

  /** A status reply to {@code command}, placed at {@code sequence} and {@code order}. */
  static String reply(JsonNode command, String sequence, int order, ObjectNode status) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("specversion", "1.0");
    reply.put("type", "io.camelvk.pod.status");
    reply.put("source", "/workers/test");
    reply.put("id", UUID.randomUUID().toString());
    reply.put("correlationid", command.get("correlationid").asText());
    reply.put("subject", command.get("subject").asText());
    reply.put("poduid", command.get("poduid").asText());
    reply.put("sequence", sequence);
    reply.put("statussequence", order);
    reply.set("data", status);
    return reply.toString();
  }

  private static ObjectNode containers(JsonNode pod, String state, ObjectNode detail) {
    ObjectNode status = JSON.createObjectNode();
    ArrayNode statuses = status.putArray("containerStatuses");
    for (JsonNode c : pod.path("spec").path("containers")) {
      ObjectNode s = statuses.addObject();
      s.put("name", c.path("name").asText());
      s.put("image", c.path("image").asText());
      s.put("ready", "running".equals(state));
      s.put("started", "running".equals(state));
      s.put("restartCount", 0);
      s.putObject("state").set(state, detail);
    }
    return status;
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
