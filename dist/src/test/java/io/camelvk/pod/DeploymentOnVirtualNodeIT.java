package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WithControlPlane
class DeploymentOnVirtualNodeIT {

  private RunningKubelet kubelet;

  @AfterEach
  void stop(TestCluster cluster) {
    if (kubelet != null) {
      kubelet.close();
      cluster.client().nodes().withName(kubelet.nodeName()).delete();
    }
  }

  @Test
  void tenReplicasWithTolerationAndNodeSelectorRunAndAreReadyOnOurNode(TestCluster cluster) {
    String node = "vk-" + cluster.namespace();
    kubelet = RunningKubelet.start(cluster, node);
    await().atMost(Duration.ofSeconds(60)).until(() -> nodeReady(cluster, node));

    Map<String, String> labels = Map.of("app", "burst");
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("burst")
                .endMetadata()
                .withNewSpec()
                .withReplicas(10)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withNodeSelector(Map.of("kubernetes.io/hostname", node, "type", "virtual-kubelet"))
                .withTolerations(TestPods.mockToleration())
                .addNewContainer()
                .withName("app")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              List<Pod> pods =
                  cluster
                      .client()
                      .pods()
                      .inNamespace(cluster.namespace())
                      .withLabel("app", "burst")
                      .list()
                      .getItems();
              assertThat(pods)
                  .hasSize(10)
                  .allSatisfy(
                      p -> {
                        assertThat(p.getSpec().getNodeName()).isEqualTo(node);
                        assertThat(TestPods.isRunningAndReady(p))
                            .as(
                                "%s is Running and Ready: %s",
                                p.getMetadata().getName(), p.getStatus())
                            .isTrue();
                        assertThat(p.getStatus().getHostIP()).isEqualTo("127.0.0.1");
                        assertThat(p.getStatus().getPodIP()).isNotBlank();
                        assertThat(p.getStatus().getStartTime()).isNotBlank();
                        assertThat(p.getStatus().getContainerStatuses())
                            .singleElement()
                            .satisfies(c -> assertThat(c.getState().getRunning()).isNotNull());
                      });
            });
    assertThat(kubelet.provider().pods()).hasSize(10);
  }

  static boolean nodeReady(TestCluster cluster, String node) {
    var n = cluster.client().nodes().withName(node).get();
    return n != null
        && n.getStatus() != null
        && n.getStatus().getConditions() != null
        && n.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
