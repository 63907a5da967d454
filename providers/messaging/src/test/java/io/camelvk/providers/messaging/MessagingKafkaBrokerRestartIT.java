package io.camelvk.providers.messaging;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BrokerRestartBurst} on Kafka (camel-kafka, a one-node KRaft broker). */
@WithControlPlane
class MessagingKafkaBrokerRestartIT {

  private static BrokerRestartBurst burst;

  @BeforeAll
  static void start(TestCluster cluster) {
    burst = BrokerRestartBurst.start(cluster, BrokerTransport.KAFKA);
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
