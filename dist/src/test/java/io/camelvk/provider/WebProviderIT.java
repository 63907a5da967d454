package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.api.KubeletApiClient;
import io.camelvk.test.KubectlStream;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pods on the web backend beside the mock: Running, kubectl logs (--tail, -f), no usage for kubectl
 * top, the node's addresses and capacity.
 */
@WithControlPlane
class WebProviderIT extends WebBesideMockNode {

  @Test
  void aPodOnTheWebBackendRunsServesItsLogsAndIsDeletedBesideAMockPod(TestCluster cluster)
      throws IOException {
    Map<String, Integer> before = backend.requests();
    Pod onWeb = run(cluster, "on-web", "web");
    Pod onMock = run(cluster, "on-mock", "mock");

    assertThat(kubelet.providerOf(onWeb)).isEqualTo("web");
    assertThat(kubelet.providerOf(onMock)).isEqualTo("mock");
    assertThat(backend.pods()).contains(onWeb.getMetadata().getUid()).doesNotContain("on-mock");
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "on-web").lines())
        .hasSize(5)
        .allMatch(line -> line.contains("on-web/app: line"));
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "on-web", "--tail=2").lines())
        .containsExactly(lineOf(cluster, "on-web", 4), lineOf(cluster, "on-web", 5));
    assertTheKubeletApiReportsUsageForTheMockPodOnly(cluster);

    delete(cluster, onWeb, onMock);
    assertThat(backend.pods()).isEqualTo("[]");
    Map<String, Integer> after = backend.requests();
    assertThat(after.get("/createPod") - before.getOrDefault("/createPod", 0)).isOne();
    assertThat(after.get("/deletePod") - before.getOrDefault("/deletePod", 0)).isOne();
  }

  /**
   * The web contract has no usage: what metrics-server scrapes (the summary, the resource metrics)
   * has the mock's pod and nothing for the web one, so kubectl top says that no metrics are
   * available for it. A node with the web provider alone answers both with 501 naming it.
   */
  private static void assertTheKubeletApiReportsUsageForTheMockPodOnly(TestCluster cluster)
      throws IOException {
    KubeletApiClient asApiServer =
        KubeletApiClient.asApiServer(cluster, kubelet.settings().node().kubeletPort());
    JsonNode summary = new ObjectMapper().readTree(asApiServer.get("/stats/summary").body());
    String resourceMetrics = asApiServer.get("/metrics/resource").body();

    assertThat(summary.get("pods").findValuesAsText("name"))
        .contains("on-mock")
        .doesNotContain("on-web");
    assertThat(resourceMetrics).contains("pod=\"on-mock\"").doesNotContain("pod=\"on-web\"");
  }

  @Test
  void kubectlLogsFollowShowsTheLinesTheBackendAddsUntilThePodIsDeleted(TestCluster cluster)
      throws IOException, InterruptedException {
    Pod pod = run(cluster, "followed", "web");
    KubectlStream follow =
        cluster.kubectlStream("logs", "-f", "--tail=1", "-n", cluster.namespace(), "followed");
    try {
      await().atMost(RUNNING).until(() -> follow.lines().size() == 1);
      backend.log(cluster.namespace(), "followed", "app", "added while followed");
      await().atMost(RUNNING).until(() -> follow.lines().contains("added while followed"));
      assertThat(follow.lines().getFirst()).endsWith("followed/app: line 5");

      delete(cluster, pod);

      assertThat(follow.endsWithin(Duration.ofSeconds(30))).isTrue();
    } finally {
      follow.close();
    }
  }

  @Test
  void theNodeShowsTheBackendsAddressAfterItsOwnAndAddsItsCapacity(TestCluster cluster) {
    await()
        .atMost(RUNNING)
        .untilAsserted(
            () ->
                assertThat(node(cluster).getStatus().getAddresses())
                    .containsExactly(
                        new NodeAddress("127.0.0.1", "InternalIP"),
                        new NodeAddress("198.51.100.10", "ExternalIP")));
    Quantity cpu = node(cluster).getStatus().getCapacity().get("cpu");
    assertThat(Quantity.getAmountInBytes(cpu).intValue()).isEqualTo(20 + 16);
  }
}
