package io.camelvk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithVirtualKubelet
class MetricsIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void metricsShowQueueSyncsProviderCallsRoutesApiRequestsAndPodsByPhase(TestCluster cluster)
      throws Exception {
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    pods.resource(TestPods.boundTo(kubelet.nodeName(), "counted").build()).create();
    pods.resource(
            TestPods.boundTo(kubelet.nodeName(), "refused")
                .editMetadata()
                .withAnnotations(Map.of(PodBehaviour.FAIL_CREATE, "true"))
                .endMetadata()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("counted")));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String metrics = get("/metrics").body();
              assertThat(metrics)
                  .contains("vk_workqueue_depth ")
                  .containsPattern("vk_workqueue_wait_seconds_count [1-9]")
                  .containsPattern(
                      "vk_pod_sync_seconds_count\\{operation=\"CREATE\",outcome=\"ok\"} [1-9]")
                  .containsPattern(
                      "vk_provider_call_seconds_count\\{method=\"create\",outcome=\"ok\",provider=\"mock\"} [1-9]")
                  .containsPattern(
                      "vk_provider_call_seconds_count\\{method=\"create\",outcome=\"invalid\",provider=\"mock\"} 1")
                  .containsPattern(
                      "vk_api_requests_total\\{code=\"200\",resource=\"pods/status\",verb=\"PATCH\"} [1-9]")
                  .containsPattern(
                      "vk_api_requests_total\\{code=\"20[01]\",resource=\"events\",verb=\"POST\"} [1-9]")
                  .containsPattern(
                      "vk_api_requests_total\\{code=\"20[01]\",resource=\"serviceaccounts/token\",verb=\"POST\"} [1-9]")
                  .containsPattern(
                      "camel_exchanges_total\\{[^}]*routeId=\"provider-mock\"[^}]*} [1-9]")
                  .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"pod-sync\"[^}]*} [1-9]")
                  .containsPattern("vk_pods\\{phase=\"Running\"} 1")
                  .containsPattern("vk_pods\\{phase=\"Failed\"} 1");
            });
    assertThat(get("/metrics").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
  }

  @Test
  void healthzAndReadyzAnswer() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ok\n");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) {
    return LoopbackHttp.get(kubelet.settings().metricsPort(), path);
  }
}
