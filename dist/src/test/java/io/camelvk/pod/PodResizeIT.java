package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.Provider;
import io.camelvk.test.DelegatingProvider;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * In-place resize (the pod's resize subresource): applied by a provider that can (the mock),
 * without a restart; pending as Infeasible, with the kubelet's condition, on one that cannot.
 */
@WithControlPlane
class PodResizeIT {

  private static final String RESIZE =
      "{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":"
          + "{\"requests\":{\"cpu\":\"150m\"},\"limits\":{\"cpu\":\"300m\"}}}]}}";

  @Test
  void aProviderThatResizesInPlaceAppliesTheNewResourcesWithoutARestart(TestCluster cluster) {
    String node = "resize-" + cluster.namespace();
    var settings = RunningKubelet.settings(cluster, node);
    RunningKubelet kubelet =
        RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
    try {
      runResizable(cluster, node, "resized");

      resize(cluster, "resized");

      ContainerStatus app =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> app(cluster.pod("resized")),
                  c ->
                      c.getResources() != null
                          && new Quantity("150m")
                              .equals(c.getResources().getRequests().get("cpu")));
      assertThat(app.getRestartCount()).isZero();
      assertThat(app.getResources().getLimits()).containsEntry("cpu", new Quantity("300m"));
      assertThat(resizePending(cluster.pod("resized"))).isEmpty();
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void aProviderThatCannotResizeLeavesThePodAsItWasWithResizePendingInfeasible(
      TestCluster cluster) {
    String node = "no-resize-" + cluster.namespace();
    var settings = RunningKubelet.settings(cluster, node);
    // The mock without in-place resize: a backend whose containers have a fixed size.
    Provider fixedSize = new DelegatingProvider(RunningKubelet.defaultProvider(settings));
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, fixedSize);
    try {
      runResizable(cluster, node, "fixed");

      resize(cluster, "fixed");

      PodCondition pending =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> resizePending(cluster.pod("fixed")), Optional::isPresent)
              .orElseThrow();
      assertThat(pending.getStatus()).isEqualTo("True");
      assertThat(pending.getReason()).isEqualTo("Infeasible");
      assertThat(pending.getMessage()).isEqualTo("provider mock cannot resize pods in place");
      assertThat(app(cluster.pod("fixed")).getResources().getRequests())
          .containsEntry("cpu", new Quantity("100m"));
      assertThat(TestPods.isRunningAndReady(cluster.pod("fixed"))).isTrue();
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  private static void runResizable(TestCluster cluster, String node, String name) {
    cluster.create(
        TestPods.boundTo(node, name)
            .editSpec()
            .editFirstContainer()
            .withNewResources()
            .withRequests(Map.of("cpu", new Quantity("100m")))
            .withLimits(Map.of("cpu", new Quantity("200m")))
            .endResources()
            .endContainer()
            .endSpec()
            .build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
  }

  private static void resize(TestCluster cluster, String name) {
    cluster.kubectl(
        "patch", "pod", name, "-n", cluster.namespace(), "--subresource", "resize", "-p", RESIZE);
  }

  private static ContainerStatus app(Pod pod) {
    return pod.getStatus().getContainerStatuses().getFirst();
  }

  private static Optional<PodCondition> resizePending(Pod pod) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("PodResizePending"))
        .findFirst();
  }
}
