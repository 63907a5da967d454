package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RepliesBehaviour} on Kafka, and what only Kafka does here: a poison record dead-lettered
 * once with its reason as a header, and not again by the next provider process.
 */
class MessagingKafkaRepliesTest extends RepliesBehaviour {

  MessagingKafkaRepliesTest() {
    super(BrokerTransport.KAFKA);
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicOnceWithItsReason() throws Exception {
    Pod pod = pod("after-poison");
    String uid = pod.getMetadata().getUid();
    worker.sendRaw(uid, "{\"specversion\": \"1.0\", \"id\": \"" + uid + "\"");
    provider.create(pod);

    // Keyed by the pod's UID, the poison is in the partition of the pod's status, before it.
    await().atMost(patience).until(() -> provider.running(pod));
    assertThat(deadLettersOf(uid))
        .singleElement()
        .satisfies(dead -> assertThat(dead.reason()).startsWith("not JSON"));
    assertThat(provider.counters().count(MessagingCounters.DEAD_LETTERS, "")).isEqualTo(1);

    provider.close();
    provider = startProvider();
    Pod next = pod("next-process");
    provider.create(next);
    await().atMost(patience).until(() -> provider.running(next));
    assertThat(deadLettersOf(uid)).hasSize(1);
  }

  private List<TestTransport.DeadLetter> deadLettersOf(String uid) throws Exception {
    return transport.deadLetters().stream().filter(d -> d.body().contains(uid)).toList();
  }
}
