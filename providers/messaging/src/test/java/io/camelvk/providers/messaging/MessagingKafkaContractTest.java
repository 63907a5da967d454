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

/**
 * The provider contract with the provider on Kafka (camel-kafka, transport kafka), through the same
 * routes but its own send and consume ones, against a KRaft broker and a worker of plain Kafka
 * clients.
 */
class MessagingKafkaContractTest extends ProviderContract {

  private static EmbeddedKafka kafka;
  private static KafkaTestWorker worker;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    worker = KafkaTestWorker.start(kafka.url());
  }

  @AfterAll
  static void stopBroker() {
    worker.close();
    kafka.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only("messaging", Optional.empty()), "contract-node", Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    return Map.of(
        "vk.provider.messaging.transport", "kafka", "vk.provider.messaging.url", kafka.url());
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
