package io.camelvk.providers.messaging;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BrokerRestartBurst} over the Artemis core protocol (camel-jms). */
@WithControlPlane
class MessagingBrokerRestartIT {

  private static BrokerRestartBurst burst;

  @BeforeAll
  static void start(TestCluster cluster) {
    burst = BrokerRestartBurst.start(cluster, BrokerTransport.JMS);
  }

  @AfterAll
  static void stop() {
    burst.close();
  }

  @Test
  void aBrokerRestartInABurstLosesNoPodAndRunsNoneTwice() {
    burst.losesNoPodAndRunsNoneTwice();
  }
}
