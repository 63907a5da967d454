package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.MetricsText;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status is written only when it changed: each label change makes the kubelet sync the pod and
 * compose its status again, and no status PATCH follows. Counted from the kubelet's own /metrics,
 * on a kubelet of its own (no other pod is written meanwhile): the API server would not show a
 * repeated write, since a patch that changes nothing keeps the resourceVersion.
 */
@WithVirtualKubelet
class PodStatusWritesIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void aSyncThatComposesTheSameStatusWritesNothing(TestCluster cluster) throws Exception {
    cluster.create(TestPods.boundTo(kubelet.nodeName(), "quiet").build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.pod("quiet"), TestPods::isRunningAndReady);
    var pod = cluster.client().pods().inNamespace(cluster.namespace()).withName("quiet");
    await().atMost(Duration.ofSeconds(10)).until(() -> statusPatches() >= 1);
    double patches = statusPatches();
    double syncs = metric("vk_pod_sync_seconds_count\\{operation=\"STATUS\",outcome=\"ok\"}");

    for (int i = 0; i < 3; i++) {
      String touch = Integer.toString(i);
      pod.edit(
          p -> new PodBuilder(p).editMetadata().addToLabels("touch", touch).endMetadata().build());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                metric("vk_pod_sync_seconds_count\\{operation=\"STATUS\",outcome=\"ok\"}")
                    >= syncs + 3);

    assertThat(statusPatches()).isEqualTo(patches);
  }

  private static double statusPatches() throws Exception {
    return metric("vk_api_requests_total\\{code=\"200\",resource=\"pods/status\",verb=\"PATCH\"}");
  }

  private static double metric(String series) {
    return MetricsText.sum(kubelet.httpGet("/metrics").body(), series);
  }
}
