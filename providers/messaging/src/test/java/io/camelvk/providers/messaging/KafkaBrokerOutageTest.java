package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.TestPods;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on Kafka while the broker is away: the node says so (Kafka's admin client cannot
 * describe the cluster), a create fails for the core to retry, and goes through once it is back.
 */
class KafkaBrokerOutageTest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);

  private EmbeddedKafka kafka;
  private KafkaTestWorker worker;
  private ProviderHarness harness;

  @BeforeEach
  void start() throws Exception {
    kafka = EmbeddedKafka.start();
    worker = KafkaTestWorker.start(kafka.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only("messaging", Optional.empty()),
                "kafka-outage-node",
                Clock.systemUTC()),
            Map.of(
                "vk.provider.messaging.transport",
                "kafka",
                "vk.provider.messaging.url",
                kafka.url()));
  }

  @AfterEach
  void stop() {
    harness.close();
    worker.close();
    kafka.close();
  }

  @Test
  void theNodeSaysTheBrokerIsUnreachableAndACreateGoesThroughOnceItIsBack() {
    await().atMost(PATIENCE).until(() -> ready().isEmpty());

    kafka.stop();

    assertThat(ready())
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("BrokerUnreachable");
              assertThat(c.getMessage())
                  .startsWith("the broker " + kafka.url() + " is unreachable: ");
            });
    Pod pod = TestPods.named("outage", "during-outage", UUID.randomUUID().toString()).build();
    assertThatThrownBy(() -> harness.provider().client().create(pod));

    kafka.startServer();

    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(
            () -> {
              harness.provider().client().create(pod);
              return true;
            });
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                harness
                    .status(pod)
                    .filter(s -> !s.getContainerStatuses().isEmpty())
                    .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
                    .orElse(false));
    await().atMost(PATIENCE).until(() -> ready().isEmpty());
  }

  private Optional<NodeCondition> ready() {
    return harness.provider().client().node("kafka-outage-node").conditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }
}
