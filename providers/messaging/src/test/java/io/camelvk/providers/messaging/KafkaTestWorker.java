package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * after each batch is answered), requests from the control topic (in a group of its own, ignoring
 * those older than 10 s) and answer on the replies topic, statuses keyed by pod UID ({@link
 * WorkerPods} runs the pods, follows of their logs too). It shares no code with the provider.
 */
final class KafkaTestWorker implements BrokerWorker {

  static final String COMMANDS = "camelvk.commands";
  static final String REPLIES = "camelvk.replies";
  static final String CONTROL = "camelvk.control";
  static final String DEAD_LETTER = "camelvk.dead-letter";
  static final String WORKERS_GROUP = "camelvk-test-workers";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_LIFETIME = Duration.ofSeconds(10);

  private final String servers;
  private final KafkaProducer<String, String> replies;
  private final WorkerPods pods;
  private final ExecutorService readers = Executors.newFixedThreadPool(2);
  private final List<KafkaConsumer<String, String>> consumers = new CopyOnWriteArrayList<>();
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
    pods = new WorkerPods(new WorkerOutbox("kafka-worker-", this::sendRaw));
    read(COMMANDS, WORKERS_GROUP, pods::command);
    read(CONTROL, pods.id(), this::request);
  }

  static KafkaTestWorker start(String servers) {
    return new KafkaTestWorker(servers);
  }

  @Override
  public WorkerPods pods() {
    return pods;
  }

  @Override
  public void sendRaw(String key, String text) throws Exception {
    replies.send(new ProducerRecord<>(REPLIES, key, text)).get(30, TimeUnit.SECONDS);
  }

  private interface Handler {
    void handle(JsonNode event) throws Exception;
  }

  private void request(JsonNode event) throws Exception {
    if (Instant.parse(event.get("time").asText()).plus(REQUEST_LIFETIME).isAfter(Instant.now())) {
      pods.request(event);
    }
  }

  private void read(String topic, String group, Handler handler) {
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
                handler.handle(JSON.readTree(record.value()));
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

  @Override
  public void close() {
    closed = true;
    pods.close();
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
