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
import org.junit.jupiter.api.TestInstance;

/**
 * The provider contract on the messaging provider's routes, a broker and a worker, run once per
 * transport by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessagingContract extends ProviderContract {

  private final BrokerTransport kind;
  private TestTransport transport;
  private BrokerWorker worker;

  MessagingContract(BrokerTransport kind) {
    this.kind = kind;
  }

  @BeforeAll
  void startBroker() {
    transport = TestTransport.start(kind);
    worker = transport.startWorker();
  }

  @AfterAll
  void stopBroker() {
    worker.close();
    transport.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only("messaging", Optional.empty()), "contract-node", Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    return transport.providerProperties();
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
