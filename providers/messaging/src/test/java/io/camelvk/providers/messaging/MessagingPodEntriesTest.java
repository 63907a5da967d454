package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider holds nothing about the pods it ran once they are deleted, through its routes. */
class MessagingPodEntriesTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private TestTransport transport;
  private BrokerWorker worker;
  private MessagingProcess process;

  @BeforeEach
  void start() throws Exception {
    transport = TestTransport.start(BrokerTransport.JMS);
    worker = transport.startWorker();
    process = MessagingProcess.start(transport, "entries-node", Map.of());
  }

  @AfterEach
  void stop() {
    process.close();
    worker.close();
    transport.close();
  }

  @Test
  void deletedPodsLeaveNoEntriesAndAReplyAboutOneAfterwardsIsDroppedAsStale() throws Exception {
    Pod[] pods = {pod("one"), pod("two"), pod("three")};
    for (Pod pod : pods) {
      process.create(pod);
    }
    await().atMost(PATIENCE).until(() -> worker.running().size() == pods.length);
    assertThat(process.provider().podEntries()).isPositive();

    for (Pod pod : pods) {
      process.delete(pod, Duration.ofSeconds(1));
    }

    await().atMost(PATIENCE).until(() -> process.provider().podEntries() == 0);
    JsonNode delete =
        worker.commands().stream()
            .filter(c -> "io.camelvk.pod.delete".equals(c.get("type").asText()))
            .findFirst()
            .orElseThrow();
    long staleBefore = process.provider().counters().count(MessagingCounters.DROPPED, "stale");
    worker.sendRaw(delete.get("poduid").asText(), statusAgain(delete));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                process.provider().counters().count(MessagingCounters.DROPPED, "stale")
                    > staleBefore);
    assertThat(process.provider().podEntries()).isZero();
  }

  /** A status about the deleted pod that a worker sends late, above what it sent before. */
  private static String statusAgain(JsonNode delete) {
    ObjectNode reply = CloudEvents.JSON.createObjectNode();
    reply.put("specversion", "1.0");
    reply.put("type", "io.camelvk.pod.status");
    reply.put("source", "/workers/late");
    reply.put("id", UUID.randomUUID().toString());
    reply.put("correlationid", delete.get("correlationid").asText());
    reply.put("subject", delete.get("subject").asText());
    reply.put("poduid", delete.get("poduid").asText());
    reply.put("sequence", delete.get("sequence").asText());
    reply.put("statussequence", 7);
    reply.set("data", WorkerStatuses.running(delete.get("data")));
    return reply.toString();
  }

  private static Pod pod(String name) {
    return TestPods.named(
            "entries",
            name + "-" + UUID.randomUUID().toString().substring(0, 6),
            UUID.randomUUID().toString())
        .build();
  }
}
