package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.pod.PodSyncFailures;
import io.camelvk.providers.web.WebBackend;
import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A web backend that refuses, fails or goes down: pod status and events, the node NotReady and
 * back.
 */
@WithControlPlane
class WebBackendOutageIT extends WebBesideMockNode {

  @Test
  void aPodTheBackendRefusesFailsWithTheBackendsReason(TestCluster cluster) {
    Pod pod =
        TestPods.boundTo(kubelet.nodeName(), "refused")
            .editMetadata()
            .addToLabels(ProviderBesideMock.LABEL, WebBackend.NAME)
            .addToAnnotations("web.example.com/refuse", "no GPUs left for this pod")
            .endMetadata()
            .build();
    cluster.create(pod);

    await()
        .atMost(RUNNING)
        .until(() -> "Failed".equals(cluster.pod("refused").getStatus().getPhase()));
    Pod failed = cluster.pod("refused");
    assertThat(failed.getStatus().getReason()).isEqualTo(PodSyncFailures.PROVIDER_FAILED);
    assertThat(failed.getStatus().getMessage()).contains("no GPUs left for this pod");
    assertThat(eventMessages(cluster, "refused")).anyMatch(m -> m.contains("no GPUs left"));
    delete(cluster, failed);
  }

  @Test
  void aCreateTheBackendFailsIsRetriedWithWarningsAndRunsOnceTheBackendWorks(TestCluster cluster) {
    backend.failWith(503);
    try {
      cluster.create(
          TestPods.boundTo(kubelet.nodeName(), "retried")
              .editMetadata()
              .addToLabels(ProviderBesideMock.LABEL, WebBackend.NAME)
              .endMetadata()
              .build());
      await()
          .atMost(RUNNING)
          .until(
              () ->
                  eventMessages(cluster, "retried").stream()
                      .anyMatch(m -> m.contains("answered 503 to POST /createPod")));
    } finally {
      backend.failWith(0);
    }
    await().atMost(RUNNING).until(() -> TestPods.isRunningAndReady(cluster.pod("retried")));
    assertThat(eventMessages(cluster, "retried")).noneMatch(m -> m.contains("\tat "));
    delete(cluster, cluster.pod("retried"));
  }

  @Test
  void aBackendThatGoesDownMakesTheNodeNotReadyAndItsPodsKeepTheirStatusUntilItIsBack(
      TestCluster cluster) {
    Pod pod = run(cluster, "outlives-backend", "web");
    int port = backend.port();
    backend.close();
    try {
      await()
          .atMost(RUNNING)
          .untilAsserted(
              () ->
                  assertThat(ready(cluster))
                      .satisfies(
                          c -> {
                            assertThat(c.getStatus()).isEqualTo("False");
                            assertThat(c.getMessage())
                                .contains("provider web: web backend " + "http://127.0.0.1:" + port)
                                .contains("unavailable");
                          }));
      assertThat(TestPods.isRunningAndReady(cluster.pod("outlives-backend"))).isTrue();
    } finally {
      backend = WebBackend.start(port, List.of());
    }
    await().atMost(RUNNING).until(() -> "True".equals(ready(cluster).getStatus()));
    await().atMost(RUNNING).until(() -> backend.pods().contains(pod.getMetadata().getUid()));
    delete(cluster, pod);
  }
}
