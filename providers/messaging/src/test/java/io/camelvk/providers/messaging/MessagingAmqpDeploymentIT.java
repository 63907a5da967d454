package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging provider on AMQP 1.0 as a node runs it on the real control plane, with a kubelet of
 * its own (the run counts every message the kubelet sent): a {@link WebDeploymentRun}.
 */
@WithControlPlane
class MessagingAmqpDeploymentIT {

  private static KubeletOnTransport node;

  @BeforeAll
  static void start(TestCluster cluster) {
    node = KubeletOnTransport.start(cluster, BrokerTransport.AMQP);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void aDeploymentOfFivePodsRunsOnTheWorkersServesLogsAndIsDeleted(TestCluster cluster) {
    WebDeploymentRun.Messages messages =
        new WebDeploymentRun(cluster, node.kubelet(), node.worker())
            .runReadALogAndDelete(TestPods.anyProviderToleration(), " over AMQP");

    assertThat(messages.logs()).isEqualTo(2);
  }
}
