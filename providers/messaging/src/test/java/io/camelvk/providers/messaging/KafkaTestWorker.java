package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A worker as a team would write one from docs/providers/messaging.md alone, on Kafka: plain Kafka
 * clients that take commands from the commands topic (in the workers' shared group, committing
 * after each batch is answered) and requests from the control topic (in a group of its own), run
 * pods in memory and answer on the replies topic, statuses keyed by pod UID. It shares no code with
 * the provider. A pod with the annotation {@value TestWorker#EXIT_AFTER} ends that many
 * milliseconds after it starts.
 */
final class KafkaTestWorker implements AutoCloseable {

  static final String COMMANDS = "camelvk.commands";
  static final String REPLIES = "camelvk.replies";
  static final String CONTROL = "camelvk.control";
  static final String DEAD_LETTER = "camelvk.dead-letter";
  static final String WORKERS_GROUP = "camelvk-test-workers";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_LIFETIME = Duration.ofSeconds(10);

  private final String id = "kafka-worker-" + UUID.randomUUID().toString().substring(0, 8);
  private final String servers;
  private final KafkaProducer<String, String> replies;
  private final ExecutorService readers = Executors.newFixedThreadPool(2);
  private final List<KafkaConsumer<String, String>> consumers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, ObjectNode> pods = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> statusSequences = new ConcurrentHashMap<>();
  private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
  private volatile boolean answering = true;
  private volatile boolean closed;

  private KafkaTestWorker(String servers) {
    this.servers = servers;
    replies =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers", servers,
                "acks", "all",
                "enable.idempotence", "true",
                "linger.ms", "0"),
            new StringSerializer(),
            new StringSerializer());
    read(COMMANDS, WORKERS_GROUP, this::command);
    read(CONTROL, id, this::request);
    timers.scheduleAtFixedRate(this::heartbeat, 0, 500, TimeUnit.MILLISECONDS);
  }

  static KafkaTestWorker start(String servers) {
    return new KafkaTestWorker(servers);
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

  /** Sends any text to the replies topic, keyed as given, as a worker (or a broken one) would. */
  void sendRaw(String key, String text) throws Exception {
    replies.send(new ProducerRecord<>(REPLIES, key, text)).get(10, TimeUnit.SECONDS);
  }

  private void read(String topic, String group, Consumer<JsonNode> handler) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                servers,
                "group.id",
                group,
                "enable.auto.commit",
                "false",
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumers.add(consumer);
    readers.submit(
        () -> {
          consumer.subscribe(List.of(topic));
          while (!closed) {
            try {
              for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                handler.accept(JSON.readTree(record.value()));
              }
              consumer.commitSync();
            } catch (WakeupException e) {
              break;
            } catch (Exception e) {
              // The broker is away: read again from the last commit, at least once.
              rewind(consumer);
            }
          }
          consumer.close(Duration.ZERO);
        });
  }

  private static void rewind(KafkaConsumer<String, String> consumer) {
    try {
      consumer
          .committed(consumer.assignment())
          .forEach(
              (partition, offset) -> {
                if (offset == null) {
                  consumer.seekToBeginning(List.of(partition));
                } else {
                  consumer.seek(partition, offset);
                }
              });
    } catch (Exception e) {
      // Still away: the next failure rewinds again.
    }
  }

  private void command(JsonNode event) {
    commands.add(event);
    if (!answering) {
      return;
    }
    String uid = event.get("poduid").asText();
    ObjectNode pod = (ObjectNode) event.get("data");
    switch (event.get("type").asText()) {
      case "io.camelvk.pod.create", "io.camelvk.pod.update" -> {
        pods.put(uid, pod);
        send(uid, status(event, WorkerStatuses.running(pod)));
        long exitAfter =
            pod.path("metadata").path("annotations").path(TestWorker.EXIT_AFTER).asLong(0);
        if (exitAfter > 0) {
          timers.schedule(
              () -> send(uid, status(event, WorkerStatuses.terminated(pod, 0))),
              exitAfter,
              TimeUnit.MILLISECONDS);
        }
      }
      case "io.camelvk.pod.delete" -> {
        pods.remove(uid);
        send(uid, status(event, WorkerStatuses.terminated(pod, 0)));
      }
      default -> throw new IllegalStateException("unknown command " + event.get("type"));
    }
  }

  private void request(JsonNode event) {
    if (Instant.parse(event.get("time").asText()).plus(REQUEST_LIFETIME).isBefore(Instant.now())) {
      return;
    }
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
    send(id, reply(event.get("type").asText().replace("-request", ""), event, data));
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
    replies.send(
        new ProducerRecord<>(
            REPLIES, id, reply("io.camelvk.worker.heartbeat", null, data).toString()));
  }

  /** Sends a reply and waits until the brokers have it. */
  private void send(String key, JsonNode event) {
    try {
      replies.send(new ProducerRecord<>(REPLIES, key, event.toString())).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the test worker could not send a reply", e);
    }
  }

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
    closed = true;
    timers.shutdownNow();
    consumers.forEach(KafkaConsumer::wakeup);
    readers.shutdown();
    try {
      readers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    replies.close(Duration.ofSeconds(1));
  }
}
