package io.camelvk.providers.messaging;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provider contract on the messaging provider's routes, an Artemis broker and a worker. */
class MessagingProviderContractTest extends ProviderContract {

  private static EmbeddedBroker broker;
  private static TestWorker worker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    worker = TestWorker.start(broker.url());
  }

  @AfterAll
  static void stopBroker() {
    worker.close();
    broker.close();
  }

  static EmbeddedBroker broker() {
    return broker;
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only("messaging", Optional.empty()), "contract-node", Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    return Map.of("vk.provider.messaging.url", broker.url());
  }

  @Override
  protected Pod changingPod(String name) {
    return new PodBuilder(pod(name))
        .editMetadata()
        .addToAnnotations(TestWorker.EXIT_AFTER, "1500")
        .endMetadata()
        .build();
  }
}
