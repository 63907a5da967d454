package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.VkSettings;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging provider on Kafka as a node runs it on the real control plane: a KRaft broker, the
 * Kafka test worker, a {@link WebDeploymentRun}.
 */
@WithControlPlane
class MessagingKafkaNodeIT {

  private static TestTransport transport;
  private static BrokerWorker worker;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) {
    transport = TestTransport.start(BrokerTransport.KAFKA);
    worker = transport.startWorker();
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings = settings.withProviders(transport.providerSettings());
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    worker.close();
    transport.close();
  }

  @Test
  void aDeploymentOfFivePodsRunsOnTheWorkersServesLogsAndIsDeleted(TestCluster cluster) {
    WebDeploymentRun.Messages messages =
        new WebDeploymentRun(cluster, kubelet, worker)
            .runReadALogAndDelete(TestPods.anyProviderToleration(), " on Kafka");

    assertThat(messages.logs()).isEqualTo(2);
  }
}
