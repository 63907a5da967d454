package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.TestPods;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the provider reads what workers send: duplicated and reordered statuses, a poison message, a
 * worker that stops sending heartbeats, a create no worker answers.
 */
class MessagingRepliesTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String DEAD_LETTERS = "camelvk.dead-letter";

  private static EmbeddedBroker broker;
  private TestWorker worker;
  private ProviderHarness harness;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void start() throws Exception {
    worker = TestWorker.start(broker.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only("messaging", Optional.empty()),
                "replies-node",
                Clock.systemUTC()),
            Map.of(
                "vk.provider.messaging.url", broker.url(),
                "vk.provider.messaging.heartbeat-timeout", "2s",
                "vk.provider.messaging.answer-deadline", "3s",
                "vk.provider.messaging.answer-check-period", "200"));
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
    String sequence = create.get("sequence").asText();
    String older = String.format("%020d", Long.parseLong(sequence) - 1);

    worker.sendRaw(
        WorkerStatuses.reply(
            create, sequence, 5, WorkerStatuses.terminated(create.get("data"), 3)));
    worker.sendRaw(
        WorkerStatuses.reply(create, sequence, 5, WorkerStatuses.running(create.get("data"))));
    worker.sendRaw(
        WorkerStatuses.reply(create, sequence, 4, WorkerStatuses.running(create.get("data"))));
    worker.sendRaw(
        WorkerStatuses.reply(create, older, 9, WorkerStatuses.running(create.get("data"))));
    worker.sendRaw(
        WorkerStatuses.reply(
            create, sequence, 6, WorkerStatuses.terminated(create.get("data"), 7)));

    await().atMost(PATIENCE).until(() -> exitCode(pod).equals(Optional.of(7)));
    assertThat(counters().count(MessagingCounters.DROPPED, "duplicate")).isEqualTo(1);
    assertThat(counters().count(MessagingCounters.DROPPED, "stale")).isEqualTo(2);
  }

  @Test
  void aStatusWhoseWriteFailsIsRolledBackAndDeliveredAgainUntilItIsWritten() throws Exception {
    Pod pod = pod("write-refused");
    harness.provider().client().create(pod);
    await().atMost(PATIENCE).until(() -> running(pod));
    JsonNode create = commandFor(pod);
    harness.failNextSyncs(2);

    String exited =
        WorkerStatuses.reply(
            create,
            create.get("sequence").asText(),
            1,
            WorkerStatuses.terminated(create.get("data"), 3));
    worker.sendRaw(exited);

    // Each delivery awaits one sync: the second failure needs the reply delivered again.
    await().atMost(PATIENCE).until(() -> harness.syncsStillToFail() == 0);
    assertThat(exitCode(pod)).hasValue(3);
    // The third delivery was written, and so recorded: the same status again is a duplicate.
    long duplicates = counters().count(MessagingCounters.DROPPED, "duplicate");
    worker.sendRaw(exited);
    await()
        .atMost(PATIENCE)
        .until(() -> counters().count(MessagingCounters.DROPPED, "duplicate") == duplicates + 1);
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterQueueOnceWithItsReason() throws Exception {
    long before = broker.messageCount(DEAD_LETTERS);
    worker.sendRaw("{\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"/workers/w\"");
    Pod pod = pod("after-poison");
    harness.provider().client().create(pod);

    await().atMost(PATIENCE).until(() -> broker.messageCount(DEAD_LETTERS) == before + 1);
    await().atMost(PATIENCE).until(() -> running(pod));
    assertThat(broker.messageCount(DEAD_LETTERS)).isEqualTo(before + 1);
    assertThat(counters().count(MessagingCounters.DEAD_LETTERS, "")).isEqualTo(1);
    assertThat(deadLetterReasons()).anySatisfy(r -> assertThat(r).startsWith("not JSON"));
  }

  @Test
  void aWorkerThatFallsSilentMakesTheNodeNotReady() {
    await().atMost(PATIENCE).until(() -> ready().isEmpty());
    assertThat(harness.provider().client().node("replies-node").capacity()).containsKey("pods");

    worker.silence();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(ready())
                    .hasValueSatisfying(
                        c -> {
                          assertThat(c.getStatus()).isEqualTo("False");
                          assertThat(c.getMessage())
                              .startsWith(
                                  "no worker heartbeat on camelvk.replies for more than 2 s");
                        }));
  }

  @Test
  void aPodNoWorkerAnswersWaitsWithAMessageThatSaysSoThenFailsAfterTheDeadline() {
    worker.silence();
    Pod pod = pod("unanswered");
    harness.provider().client().create(pod);

    ContainerStatus container = harness.status(pod).orElseThrow().getContainerStatuses().getFirst();
    assertThat(container.getState().getWaiting().getReason()).isEqualTo("WaitingForWorker");
    assertThat(container.getState().getWaiting().getMessage())
        .startsWith("no worker has answered yet: the create was sent to camelvk.commands at ");
    await().atMost(PATIENCE).until(() -> worker.commands().size() == 1);

    await()
        .atMost(PATIENCE)
        .until(() -> "Failed".equals(harness.status(pod).orElseThrow().getPhase()));
    assertThat(harness.status(pod).orElseThrow().getMessage())
        .startsWith("no worker answered the create sent to camelvk.commands at ")
        .endsWith(" within 3 s");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                worker.commands().stream()
                    .anyMatch(
                        c ->
                            "io.camelvk.pod.delete".equals(c.get("type").asText())
                                && pod.getMetadata().getUid().equals(c.get("poduid").asText())));
  }

  private Optional<NodeCondition> ready() {
    return harness.provider().client().node("replies-node").conditions().stream()
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

  private static java.util.List<String> deadLetterReasons() throws Exception {
    java.util.List<String> reasons = new java.util.ArrayList<>();
    try (Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      connection.start();
      MessageConsumer consumer = session.createConsumer(session.createQueue(DEAD_LETTERS));
      for (Message m = consumer.receive(1000); m != null; m = consumer.receive(200)) {
        reasons.add(m.getStringProperty("vkDeadLetterReason"));
      }
    }
    return reasons;
  }

  private static Pod pod(String name) {
    return TestPods.named(
            "replies",
            name + "-" + UUID.randomUUID().toString().substring(0, 6),
            UUID.randomUUID().toString())
        .build();
  }
}
