package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How the provider reads what workers send, on every transport: duplicated and reordered statuses
 * dropped, a status whose write fails read again until it is written, a worker that falls silent. A
 * subclass per transport runs these and adds what only its transport does.
 */
abstract class RepliesBehaviour extends TransportTestLifecycle {

  static final String NODE = "replies-node";

  RepliesBehaviour(BrokerTransport kind) {
    super(kind, NODE);
  }

  @Override
  Map<String, String> properties() {
    return Map.of("vk.provider.messaging.heartbeat-timeout", "2s");
  }

  @Test
  void duplicatedAndReorderedStatusesAreDroppedAndCounted() throws Exception {
    Pod pod = pod("ordered");
    provider.create(pod);
    await().atMost(patience).until(() -> provider.exitCode(pod).isEmpty() && provider.running(pod));
    JsonNode create = worker.commandFor(pod);
    JsonNode data = create.get("data");
    String uid = pod.getMetadata().getUid();
    String sequence = create.get("sequence").asText();
    String older = String.format("%020d", Long.parseLong(sequence) - 1);

    worker.sendRaw(
        uid, WorkerStatuses.reply(create, sequence, 5, WorkerStatuses.terminated(data, 3)));
    worker.sendRaw(uid, WorkerStatuses.reply(create, sequence, 5, WorkerStatuses.running(data)));
    worker.sendRaw(uid, WorkerStatuses.reply(create, sequence, 4, WorkerStatuses.running(data)));
    worker.sendRaw(uid, WorkerStatuses.reply(create, older, 9, WorkerStatuses.running(data)));
    worker.sendRaw(
        uid, WorkerStatuses.reply(create, sequence, 6, WorkerStatuses.terminated(data, 7)));

    await().atMost(patience).until(() -> provider.exitCode(pod).equals(Optional.of(7)));
    assertThat(provider.counters().count(MessagingCounters.DROPPED, "duplicate")).isEqualTo(1);
    assertThat(provider.counters().count(MessagingCounters.DROPPED, "stale")).isEqualTo(2);
  }

  @Test
  void aStatusWhoseWriteFailsIsReadAgainUntilItIsWritten() throws Exception {
    Pod pod = pod("write-refused");
    provider.create(pod);
    await().atMost(patience).until(() -> provider.running(pod));
    JsonNode create = worker.commandFor(pod);
    String uid = pod.getMetadata().getUid();
    provider.harness().failNextSyncs(2);

    String exited =
        WorkerStatuses.reply(
            create,
            create.get("sequence").asText(),
            1,
            WorkerStatuses.terminated(create.get("data"), 3));
    worker.sendRaw(uid, exited);

    // JMS rolls the reply back and Kafka does not commit it: each delivery awaits one sync, so
    // the second failure needs the reply delivered again.
    await().atMost(patience).until(() -> provider.harness().syncsStillToFail() == 0);
    await().atMost(patience).until(() -> provider.exitCode(pod).equals(Optional.of(3)));
    // The third delivery was written, and so recorded: the same status again is a duplicate.
    long duplicates = provider.counters().count(MessagingCounters.DROPPED, "duplicate");
    worker.sendRaw(uid, exited);
    await()
        .atMost(patience)
        .until(
            () ->
                provider.counters().count(MessagingCounters.DROPPED, "duplicate")
                    == duplicates + 1);
  }

  @Test
  void aWorkerThatFallsSilentMakesTheNodeNotReady() {
    await().atMost(patience).until(() -> provider.ready().isEmpty());
    assertThat(provider.harness().provider().client().node(NODE).capacity()).containsKey("pods");

    worker.silence();

    await()
        .atMost(patience)
        .untilAsserted(
            () ->
                assertThat(provider.ready())
                    .hasValueSatisfying(
                        c -> {
                          assertThat(c.getStatus()).isEqualTo("False");
                          assertThat(c.getReason()).isEqualTo("NoWorkerHeartbeat");
                          assertThat(c.getMessage())
                              .startsWith(
                                  "no worker heartbeat on camelvk.replies for more than 2 s");
                        }));
  }

  static Pod pod(String name) {
    return TestPods.named(
            "replies",
            name + "-" + UUID.randomUUID().toString().substring(0, 6),
            UUID.randomUUID().toString())
        .build();
  }
}
