package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The workers that sent a heartbeat, when, and the capacity each offers: the node's profile. No
 * heartbeat for the configured silence makes the node Ready=False with a message that says so; a
 * provider just started has that long to hear from its first worker. A worker that joins (or comes
 * back) is told at once, so that the node's status is written then, not at its next period.
 */
final class WorkerHeartbeats {

  private record Beat(Instant at, Map<String, Quantity> capacity) {}

  private final Map<String, Beat> workers = new ConcurrentHashMap<>();
  private final Duration silence;
  private final String destination;
  private final Clock clock;
  private final Instant started;
  private final Runnable joined;

  WorkerHeartbeats(Duration silence, String destination, Clock clock, Runnable joined) {
    this.silence = silence;
    this.destination = destination;
    this.clock = clock;
    this.started = clock.instant();
    this.joined = joined;
  }

  void beat(String worker, JsonNode data) {
    Map<String, Quantity> capacity = new TreeMap<>();
    data.path("capacity")
        .properties()
        .forEach(e -> capacity.put(e.getKey(), new Quantity(e.getValue().asText())));
    boolean wasAlive = alive().contains(worker);
    workers.put(worker, new Beat(clock.instant(), capacity));
    if (!wasAlive) {
      joined.run();
    }
  }

  /** The workers heard from within the silence. */
  Set<String> alive() {
    Instant since = clock.instant().minus(silence);
    return workers.entrySet().stream()
        .filter(e -> e.getValue().at().isAfter(since))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** The node profile's JSON: the live workers' capacity summed, and Ready=False without any. */
  String profile() {
    Set<String> alive = alive();
    ObjectNode profile = CloudEvents.JSON.createObjectNode();
    profile.put("operatingSystemImage", "camel-virtual-kubelet messaging (" + destination + ")");
    if (alive.isEmpty()
        && (!workers.isEmpty() || !started.plus(silence).isAfter(clock.instant()))) {
      return notReady(profile, "NoWorkerHeartbeat", silentMessage());
    }
    Map<String, BigDecimal> sum = new TreeMap<>();
    alive.forEach(
        w ->
            workers
                .get(w)
                .capacity()
                .forEach(
                    (resource, q) -> sum.merge(resource, q.getNumericalAmount(), BigDecimal::add)));
    if (!sum.isEmpty()) {
      ObjectNode capacity = profile.putObject("capacity");
      sum.forEach((resource, amount) -> capacity.put(resource, amount.toPlainString()));
    }
    return CloudEvents.write(profile);
  }

  /** The profile of a node whose broker cannot be reached: Ready=False, saying so. */
  String brokerUnreachable(String message) {
    ObjectNode profile = CloudEvents.JSON.createObjectNode();
    profile.put("operatingSystemImage", "camel-virtual-kubelet messaging (" + destination + ")");
    return notReady(profile, "BrokerUnreachable", message);
  }

  private static String notReady(ObjectNode profile, String reason, String message) {
    ArrayNode conditions = profile.putArray("conditions");
    ObjectNode ready = conditions.addObject();
    ready.put("type", "Ready");
    ready.put("status", "False");
    ready.put("reason", reason);
    ready.put("message", message);
    return CloudEvents.write(profile);
  }

  private String silentMessage() {
    Instant last =
        workers.values().stream().map(Beat::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    return "no worker heartbeat on "
        + destination
        + " for more than "
        + silence.toSeconds()
        + " s"
        + (last.equals(Instant.EPOCH)
            ? " (none since the provider started)"
            : " (last " + last + ")");
  }
}
