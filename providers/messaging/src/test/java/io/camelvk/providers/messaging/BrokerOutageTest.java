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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broker outage: the node says the broker is unreachable, a create fails (the core retries it),
 * and once the broker is back the create goes through and the pod runs; the delete withdrawing a
 * pod no worker answered, refused while the broker is away, is sent once it is back.
 */
class BrokerOutageTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private EmbeddedBroker broker;
  private TestWorker worker;
  private ProviderHarness harness;

  @BeforeEach
  void start() throws Exception {
    broker = EmbeddedBroker.start();
    worker = TestWorker.start(broker.url() + "?reconnectAttempts=-1&retryInterval=200");
  }

  private void startProvider(Map<String, String> properties) throws Exception {
    Map<String, String> all = new HashMap<>(properties);
    all.put("vk.provider.messaging.url", broker.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only("messaging", Optional.empty()),
                "outage-node",
                Clock.systemUTC()),
            all);
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    worker.close();
    broker.close();
  }

  @Test
  void theNodeSaysTheBrokerIsUnreachableAndACreateGoesThroughOnceItIsBack() throws Exception {
    startProvider(Map.of());
    await().atMost(PATIENCE).until(() -> ready().isEmpty());

    broker.stop();

    assertThat(ready())
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("BrokerUnreachable");
              assertThat(c.getMessage())
                  .startsWith("the broker " + broker.url() + " is unreachable: ");
            });
    Pod pod = TestPods.named("outage", "during-outage", UUID.randomUUID().toString()).build();
    assertThatThrownBy(() -> harness.provider().client().create(pod));

    broker.startServer();

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
                    .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
                    .orElse(false));
    await().atMost(PATIENCE).until(() -> ready().isEmpty());
  }

  @Test
  void theDeleteWithdrawingAPodNoWorkerAnsweredIsSentOnceTheBrokerIsBack() throws Exception {
    startProvider(
        Map.of(
            "vk.provider.messaging.answer-deadline", "2s",
            "vk.provider.messaging.answer-check-period", "200"));
    worker.silence();
    Pod pod = TestPods.named("outage", "unanswered", UUID.randomUUID().toString()).build();
    harness.provider().client().create(pod);
    await().atMost(PATIENCE).until(() -> worker.commands().size() == 1);

    broker.stop();
    await()
        .atMost(PATIENCE)
        .until(() -> "Failed".equals(harness.status(pod).orElseThrow().getPhase()));
    await().atMost(PATIENCE).until(() -> provider().withdrawalsUnsent() == 1);
    broker.startServer();

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                worker.commands().stream()
                    .anyMatch(
                        c ->
                            "io.camelvk.pod.delete".equals(c.get("type").asText())
                                && pod.getMetadata().getUid().equals(c.get("poduid").asText())));
    await().atMost(PATIENCE).until(() -> provider().withdrawalsUnsent() == 0);
  }

  private MessagingProvider provider() {
    return harness
        .camelContext()
        .getRegistry()
        .lookupByNameAndType("messagingBackend", MessagingProvider.class);
  }

  private Optional<NodeCondition> ready() {
    return harness.provider().client().node("outage-node").conditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }
}
