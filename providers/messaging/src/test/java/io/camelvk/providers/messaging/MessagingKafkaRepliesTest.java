package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.TestPods;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the provider reads what workers send on Kafka: duplicated and reordered statuses dropped, a
 * worker that falls silent, a reply whose handling fails read again, a poison record dead-lettered
 * once with its reason as a header.
 */
class MessagingKafkaRepliesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(40);

  private static EmbeddedKafka kafka;
  private KafkaTestWorker worker;
  private ProviderHarness harness;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @BeforeEach
  void start() throws Exception {
    worker = KafkaTestWorker.start(kafka.url());
    harness = startProvider();
  }

  private static ProviderHarness startProvider() throws Exception {
    return ProviderHarness.start(
        ProviderSet.create(
            ProviderSettings.only("messaging", Optional.empty()),
            "kafka-replies-node",
            Clock.systemUTC()),
        Map.of(
            "vk.provider.messaging.transport", "kafka",
            "vk.provider.messaging.url", kafka.url(),
            "vk.provider.messaging.heartbeat-timeout", "2s"));
  }

  @AfterEach
  void stop() {
    harness.close();
    worker.close();
  }

  @Test
  void duplicatedAndReorderedStatusesAreDroppedAndCounted() throws Exception {
    Pod pod = pod("ordered");
    harness.provider().client().create(pod);
    await().atMost(PATIENCE).until(() -> exitCode(pod).isEmpty() && running(pod));
    JsonNode create = commandFor(pod);
    String uid = pod.getMetadata().getUid();
    String sequence = create.get("sequence").asText();
    String older = String.format("%020d", Long.parseLong(sequence) - 1);

    worker.sendRaw(uid, status(create, sequence, 5, WorkerStatuses.terminated(data(create), 3)));
    worker.sendRaw(uid, status(create, sequence, 5, WorkerStatuses.running(data(create))));
    worker.sendRaw(uid, status(create, sequence, 4, WorkerStatuses.running(data(create))));
    worker.sendRaw(uid, status(create, older, 9, WorkerStatuses.running(data(create))));
    worker.sendRaw(uid, status(create, sequence, 6, WorkerStatuses.terminated(data(create), 7)));

    await().atMost(PATIENCE).until(() -> exitCode(pod).equals(Optional.of(7)));
    assertThat(counters().count(MessagingCounters.DROPPED, "duplicate")).isEqualTo(1);
    assertThat(counters().count(MessagingCounters.DROPPED, "stale")).isEqualTo(2);
  }

  @Test
  void aReplyWhoseHandlingFailsIsNotCommittedAndIsReadAgain() throws Exception {
    AtomicInteger handed = new AtomicInteger();
    AdviceWith.adviceWith(
        harness.camelContext(),
        "messaging-kafka-replies",
        route ->
            route
                .weaveByToUri("direct:vk-pod-status")
                .before()
                .process(
                    exchange -> {
                      if (handed.getAndIncrement() == 0) {
                        throw new IllegalStateException("the core is away, once");
                      }
                    }));
    Pod pod = pod("fails-once");
    harness.provider().client().create(pod);

    await().atMost(PATIENCE).until(() -> running(pod));
    assertThat(handed.get()).as("the failed status handed again").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicOnceWithItsReason() throws Exception {
    Pod pod = pod("after-poison");
    String uid = pod.getMetadata().getUid();
    worker.sendRaw(uid, "{\"specversion\": \"1.0\", \"id\": \"" + uid + "\"");
    harness.provider().client().create(pod);

    // Keyed by the pod's UID, the poison is in the partition of the pod's status, before it.
    await().atMost(PATIENCE).until(() -> running(pod));
    List<ConsumerRecord<String, String>> dead =
        deadLetters().stream().filter(r -> r.value().contains(uid)).toList();
    assertThat(dead).hasSize(1);
    Header reason = dead.getFirst().headers().lastHeader("vkDeadLetterReason");
    assertThat(new String(reason.value(), StandardCharsets.UTF_8)).startsWith("not JSON");
    assertThat(counters().count(MessagingCounters.DEAD_LETTERS, "")).isEqualTo(1);

    harness.close();
    harness = startProvider();
    Pod next = pod("next-process");
    harness.provider().client().create(next);
    await().atMost(PATIENCE).until(() -> running(next));
    assertThat(deadLetters().stream().filter(r -> r.value().contains(uid))).hasSize(1);
  }

  @Test
  void aWorkerThatFallsSilentMakesTheNodeNotReady() {
    await().atMost(PATIENCE).until(() -> ready().isEmpty());
    assertThat(harness.provider().client().node("kafka-replies-node").capacity())
        .containsKey("pods");

    worker.silence();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(ready())
                    .hasValueSatisfying(
                        c -> {
                          assertThat(c.getStatus()).isEqualTo("False");
                          assertThat(c.getReason()).isEqualTo("NoWorkerHeartbeat");
                          assertThat(c.getMessage())
                              .startsWith(
                                  "no worker heartbeat on camelvk.replies for more than 2 s");
                        }));
  }

  private Optional<NodeCondition> ready() {
    return harness.provider().client().node("kafka-replies-node").conditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  private MessagingCounters counters() {
    return harness
        .camelContext()
        .getRegistry()
        .lookupByNameAndType("messagingBackend", MessagingProvider.class)
        .counters();
  }

  private JsonNode commandFor(Pod pod) {
    return worker.commands().stream()
        .filter(c -> pod.getMetadata().getUid().equals(c.get("poduid").asText()))
        .findFirst()
        .orElseThrow();
  }

  private boolean running(Pod pod) {
    return harness
        .status(pod)
        .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
        .orElse(false);
  }

  private Optional<Integer> exitCode(Pod pod) {
    return harness
        .status(pod)
        .map(s -> s.getContainerStatuses().getFirst().getState().getTerminated())
        .map(t -> t.getExitCode());
  }

  private static JsonNode data(JsonNode command) {
    return command.get("data");
  }

  private static String status(JsonNode command, String sequence, int order, ObjectNode status) {
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

  private static List<ConsumerRecord<String, String>> deadLetters() {
    return kafka.records(KafkaTestWorker.DEAD_LETTER);
  }

  private static Pod pod(String name) {
    return TestPods.named(
            "replies",
            name + "-" + UUID.randomUUID().toString().substring(0, 6),
            UUID.randomUUID().toString())
        .build();
  }
}
