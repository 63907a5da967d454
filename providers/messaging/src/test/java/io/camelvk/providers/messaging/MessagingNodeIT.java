package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messaging provider as a node runs it on the real control plane: the provider mapping sends
 * the test's namespace to messaging (an Artemis broker and the test worker) and every other
 * namespace to the mock.
 */
@WithControlPlane
class MessagingNodeIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static KubeletOnTransport node;
  private static BrokerWorker worker;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) throws IOException {
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.yaml"),
            """
            - route:
                from:
                  uri: direct:vk-provider-mapping
                  steps:
                    - filter:
                        simple: "${header.VkPodNamespace} == '%s'"
                        steps:
                          - setHeader:
                              name: VkProvider
                              constant: messaging
            """
                .formatted(cluster.namespace()));
    node =
        KubeletOnTransport.start(
            cluster,
            BrokerTransport.JMS,
            started ->
                started
                    .settings()
                    .providers()
                    .withNames(List.of("messaging"))
                    .withMapping(mapping)
                    .withProperty("vk.provider.messaging.url", started.transport().providerUrl()));
    worker = node.worker();
    kubelet = node.kubelet();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void aDeploymentOfFivePodsRunsOnTheWorkersServesLogsAndIsDeleted(TestCluster cluster) {
    new WebDeploymentRun(cluster, kubelet, worker)
        .runReadALogAndDelete(TestPods.mockToleration(), "");
  }

  @Test
  void aPodOfAnotherNamespaceRunsOnTheMock(TestCluster cluster) {
    String other = cluster.namespace() + "-other";
    cluster
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
        .create();
    try {
      Pod pod =
          new PodBuilder(TestPods.boundTo(kubelet.nodeName(), "elsewhere").build())
              .editMetadata()
              .withNamespace(other)
              .endMetadata()
              .build();
      cluster.client().pods().inNamespace(other).resource(pod).create();
      await()
          .atMost(LOADED_MACHINE)
          .until(
              () ->
                  TestPods.isRunningAndReady(
                      cluster.client().pods().inNamespace(other).withName("elsewhere").get()));

      assertThat(
              kubelet.providerOf(
                  cluster.client().pods().inNamespace(other).withName("elsewhere").get()))
          .isEqualTo("mock");
      assertThat(worker.commands())
          .noneMatch(c -> c.get("subject").asText().startsWith(other + "/"));
    } finally {
      cluster.client().namespaces().withName(other).delete();
    }
  }
}
