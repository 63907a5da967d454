package io.camelvk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.MetricsText;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headline figure cannot regress silently: a create -> Running -> delete cycle costs the API
 * server exactly 3 requests on the pod (status to Running, terminated status, DELETE), counted from
 * the kubelet's own /metrics. Watches, events, the lease and the node are not per pod.
 */
@WithVirtualKubelet
class ApiRequestBudgetIT {

  static final int PODS = 10;
  static final int REQUESTS_PER_POD = 3;
  private static final String POD_REQUESTS =
      "vk_api_requests_total\\{code=\"[^\"]*\",resource=\"pods(?:/status)?\",verb=\"(?!WATCH)[A-Z]+\"}";
  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void aPodsWholeLifeCostsThreeRequestsOnThePod(TestCluster cluster) {
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    double before = podRequests();

    IntStream.range(0, PODS)
        .forEach(
            i ->
                pods.resource(TestPods.boundTo(kubelet.nodeName(), "budget-" + i).build())
                    .create());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                pods.list().getItems().stream().filter(TestPods::isRunningAndReady).count()
                    == PODS);
    pods.delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> pods.list().getItems().isEmpty());

    assertThat(podRequests() - before)
        .as("pod requests, all: %s", podRequestLines())
        .isEqualTo((double) PODS * REQUESTS_PER_POD);
  }

  private static List<String> podRequestLines() {
    return metrics().lines().filter(l -> l.startsWith("vk_api_requests_total")).toList();
  }

  private static String metrics() {
    return kubelet.httpGet("/metrics").body();
  }

  private static double podRequests() {
    return MetricsText.sum(metrics(), POD_REQUESTS);
  }
}
