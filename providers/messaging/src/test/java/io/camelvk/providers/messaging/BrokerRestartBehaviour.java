package io.camelvk.providers.messaging;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import org.junit.jupiter.api.Test;

/** The broker-restart IT, run once per transport by a subclass: see {@link BrokerRestartBurst}. */
@WithControlPlane
abstract class BrokerRestartBehaviour {

  private final BrokerTransport transport;

  BrokerRestartBehaviour(BrokerTransport transport) {
    this.transport = transport;
  }

  @Test
  void aBrokerRestartInABurstLosesNoPodAndRunsNoneTwice(TestCluster cluster) {
    try (BrokerRestartBurst burst = BrokerRestartBurst.start(cluster, transport)) {
      burst.losesNoPodAndRunsNoneTwice();
    }
  }
}
