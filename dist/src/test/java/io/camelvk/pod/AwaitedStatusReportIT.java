package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.VkHeaders;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report to {@code direct:vk-pod-status} with {@code VkAwaitWrite} returns only once the status
 * is in the API server: read back at once, from the API server rather than a cache, it is there.
 */
@WithVirtualKubelet
class AwaitedStatusReportIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void anAwaitedReportIsInTheApiServerWhenTheCallReturns(TestCluster cluster) {
    cluster.create(TestPods.boundTo(kubelet.nodeName(), "reported").build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.pod("reported"), TestPods::isRunningAndReady);
    Pod pod = cluster.pod("reported");
    ProducerTemplate reports = kubelet.process().camel().createProducerTemplate();

    for (int i = 0; i < 10; i++) {
      String message = "report " + i;
      PodStatus status =
          new PodStatusBuilder()
              .withPhase("Running")
              .withMessage(message)
              .withContainerStatuses(pod.getStatus().getContainerStatuses())
              .build();
      reports.sendBodyAndHeaders("direct:vk-pod-status", status, headers(pod));

      assertThat(cluster.pod("reported").getStatus().getMessage()).isEqualTo(message);
    }
  }

  @Test
  void anAwaitedReportOfAPodThatIsNotThereReturns(TestCluster cluster) {
    ProducerTemplate reports = kubelet.process().camel().createProducerTemplate();
    long start = System.nanoTime();
    reports.sendBodyAndHeaders(
        "direct:vk-pod-status",
        new PodStatus(),
        Map.of(
            VkHeaders.POD_NAMESPACE,
            cluster.namespace(),
            VkHeaders.POD_NAME,
            "never-created",
            VkHeaders.AWAIT_WRITE,
            true));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  private static Map<String, Object> headers(Pod pod) {
    return Map.of(
        VkHeaders.POD_NAMESPACE, pod.getMetadata().getNamespace(),
        VkHeaders.POD_NAME, pod.getMetadata().getName(),
        VkHeaders.POD_UID, pod.getMetadata().getUid(),
        VkHeaders.AWAIT_WRITE, true);
  }
}
