package io.camelvk.providers.messaging;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The lifecycle of a test class on one transport: the broker for the whole class, a new worker and
 * a new provider process for each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransportTestLifecycle {

  private final BrokerTransport kind;
  private final String node;
  TestTransport transport;
  Duration patience;
  BrokerWorker worker;
  MessagingProcess provider;

  TransportTestLifecycle(BrokerTransport kind, String node) {
    this.kind = kind;
    this.node = node;
  }

  @BeforeAll
  void startBroker() {
    transport = TestTransport.start(kind);
    patience = transport.patience();
  }

  @AfterAll
  void stopBroker() {
    transport.close();
  }

  @BeforeEach
  void startWorkerAndProvider() throws Exception {
    worker = transport.startWorker();
    provider = startProvider();
  }

  @AfterEach
  void stopWorkerAndProvider() {
    provider.close();
    worker.close();
  }

  /** A new provider process on the node, as a restart of the virtual kubelet makes one. */
  MessagingProcess startProvider() throws Exception {
    return MessagingProcess.start(transport, node, properties());
  }

  /** The provider's properties besides the transport's. */
  Map<String, String> properties() {
    return Map.of();
  }
}
