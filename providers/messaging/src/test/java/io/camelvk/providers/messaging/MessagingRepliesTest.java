package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RepliesBehaviour} on JMS, and what only JMS does here: a poison message dead-lettered once
 * with its reason as a property; a create no worker answers.
 */
class MessagingRepliesTest extends RepliesBehaviour {

  private static final String DEAD_LETTERS = "camelvk.dead-letter";

  MessagingRepliesTest() {
    super(BrokerTransport.JMS);
  }

  @Override
  Map<String, String> properties() {
    return Map.of(
        "vk.provider.messaging.heartbeat-timeout", "2s",
        "vk.provider.messaging.answer-deadline", "3s",
        "vk.provider.messaging.answer-check-period", "200");
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterQueueOnceWithItsReason() throws Exception {
    EmbeddedBroker broker = transport.artemis();
    long before = broker.messageCount(DEAD_LETTERS);
    worker.sendRaw("x", "{\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"/workers/w\"");
    Pod pod = pod("after-poison");
    provider.create(pod);

    await().atMost(patience).until(() -> broker.messageCount(DEAD_LETTERS) == before + 1);
    await().atMost(patience).until(() -> provider.running(pod));
    assertThat(broker.messageCount(DEAD_LETTERS)).isEqualTo(before + 1);
    assertThat(provider.counters().count(MessagingCounters.DEAD_LETTERS, "")).isEqualTo(1);
    assertThat(transport.deadLetters())
        .anySatisfy(dead -> assertThat(dead.reason()).startsWith("not JSON"));
  }

  @Test
  void aPodNoWorkerAnswersWaitsWithAMessageThatSaysSoThenFailsAfterTheDeadline() {
    worker.silence();
    Pod pod = pod("unanswered");
    provider.create(pod);

    ContainerStatus container =
        provider.status(pod).orElseThrow().getContainerStatuses().getFirst();
    assertThat(container.getState().getWaiting().getReason()).isEqualTo("WaitingForWorker");
    assertThat(container.getState().getWaiting().getMessage())
        .startsWith("no worker has answered yet: the create was sent to camelvk.commands at ");
    await().atMost(patience).until(() -> worker.commands().size() == 1);

    await()
        .atMost(patience)
        .until(() -> "Failed".equals(provider.status(pod).orElseThrow().getPhase()));
    assertThat(provider.status(pod).orElseThrow().getMessage())
        .startsWith("no worker answered the create sent to camelvk.commands at ")
        .endsWith(" within 3 s");
    await().atMost(patience).until(() -> worker.tookDeleteOf(pod));
  }
}
