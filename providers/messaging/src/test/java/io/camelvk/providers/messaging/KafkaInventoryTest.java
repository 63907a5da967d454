package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The list of pods after a restart on Kafka as it is shipped: there the first consumer to join an
 * empty group waits {@value EmbeddedKafka#SHIPPED_GROUP_DELAY_MS} ms before it is given partitions,
 * longer than the inventory window, so the window must not start before the replies are read.
 */
class KafkaInventoryTest {

  private static final String NODE = "inventory-node";

  @Test
  void aRestartedProcessListsThePodsThoughItsConsumerGroupFormsAfterTheWindow() throws Exception {
    try (TestTransport transport = TestTransport.on(EmbeddedKafka.startAsShipped());
        BrokerWorker worker = transport.startWorker()) {
      Duration patience = transport.patience();
      String uid = UUID.randomUUID().toString();
      Pod pod = TestPods.named("inventory", "listed", uid).build();
      try (MessagingProcess first = MessagingProcess.start(transport, NODE, Map.of())) {
        first.create(pod);
        await().atMost(patience).until(() -> first.running(pod));
      }
      assertThat(worker.running()).contains(uid);

      try (MessagingProcess second = MessagingProcess.start(transport, NODE, Map.of())) {
        assertThat(second.harness().provider().client().pods())
            .extracting(p -> p.getMetadata().getUid())
            .contains(uid);
      }
    }
  }
}
