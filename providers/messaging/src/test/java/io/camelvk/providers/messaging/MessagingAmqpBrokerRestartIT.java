package io.camelvk.providers.messaging;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BrokerRestartBurst} over AMQP 1.0 (camel-amqp, Qpid JMS). */
@WithControlPlane
class MessagingAmqpBrokerRestartIT {

  private static BrokerRestartBurst burst;

  @BeforeAll
  static void start(TestCluster cluster) {
    burst = BrokerRestartBurst.start(cluster, BrokerTransport.AMQP);
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
