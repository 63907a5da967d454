package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the provider reads what workers send on Kafka: duplicated and reordered statuses dropped, a
 * worker that falls silent, a status whose write fails not committed and read again until it is
 * written, a poison record dead-lettered once with its reason as a header.
 */
class MessagingKafkaRepliesTest {

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

    worker.sendRaw(
        uid, WorkerStatuses.reply(create, sequence, 5, WorkerStatuses.terminated(data(create), 3)));
    worker.sendRaw(
        uid, WorkerStatuses.reply(create, sequence, 5, WorkerStatuses.running(data(create))));
    worker.sendRaw(
        uid, WorkerStatuses.reply(create, sequence, 4, WorkerStatuses.running(data(create))));
    worker.sendRaw(
        uid, WorkerStatuses.reply(create, older, 9, WorkerStatuses.running(data(create))));
    worker.sendRaw(
        uid, WorkerStatuses.reply(create, sequence, 6, WorkerStatuses.terminated(data(create), 7)));

    await().atMost(PATIENCE).until(() -> exitCode(pod).equals(Optional.of(7)));
    assertThat(counters().count(MessagingCounters.DROPPED, "duplicate")).isEqualTo(1);
    assertThat(counters().count(MessagingCounters.DROPPED, "stale")).isEqualTo(2);
  }

  @Test
  void aStatusWhoseWriteFailsIsNotCommittedAndIsReadAgainUntilItIsWritten() throws Exception {
    Pod pod = pod("write-refused");
    harness.provider().client().create(pod);
    await().atMost(PATIENCE).until(() -> running(pod));
    JsonNode create = commandFor(pod);
    String uid = pod.getMetadata().getUid();
    harness.failNextSyncs(2);

    String exited =
        WorkerStatuses.reply(
            create, create.get("sequence").asText(), 1, WorkerStatuses.terminated(data(create), 3));
    worker.sendRaw(uid, exited);

    // Each reading awaits one sync: the second failure needs the record read again.
    await().atMost(PATIENCE).until(() -> harness.syncsStillToFail() == 0);
    await().atMost(PATIENCE).until(() -> exitCode(pod).equals(Optional.of(3)));
    // The third reading was written, and so recorded: the same status again is a duplicate.
    long duplicates = counters().count(MessagingCounters.DROPPED, "duplicate");
    worker.sendRaw(uid, exited);
    await()
        .atMost(PATIENCE)
        .until(() -> counters().count(MessagingCounters.DROPPED, "duplicate") == duplicates + 1);
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
        .filter(s -> !s.getContainerStatuses().isEmpty())
        .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
        .orElse(false);
  }

  private Optional<Integer> exitCode(Pod pod) {
    return harness
        .status(pod)
        .filter(s -> !s.getContainerStatuses().isEmpty())
        .map(s -> s.getContainerStatuses().getFirst().getState().getTerminated())
        .map(t -> t.getExitCode());
  }

  private static JsonNode data(JsonNode command) {
    return command.get("data");
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
