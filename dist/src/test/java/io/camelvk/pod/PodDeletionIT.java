package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithVirtualKubelet
class PodDeletionIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void gracefulDeletionStopsThePodInTheProviderReportsTerminatedContainersThenRemovesIt(
      TestCluster cluster) {
    Pod pod = runPod(cluster, "graceful");

    List<Pod> seen = cluster.deleteWatching("graceful", 30, Duration.ofSeconds(30));

    assertThat(providerHas(pod)).isFalse();
    assertThat(seen)
        .anySatisfy(
            p ->
                assertThat(p.getStatus().getContainerStatuses())
                    .singleElement()
                    .satisfies(
                        c -> {
                          assertThat(c.getState().getTerminated()).isNotNull();
                          assertThat(c.getState().getTerminated().getExitCode()).isZero();
                          assertThat(c.getState().getTerminated().getReason())
                              .isEqualTo("Completed");
                        }));
  }

  @Test
  void aProviderStillStoppingWhenTheGracePeriodEndsStopsThePodByForce(TestCluster cluster) {
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "slow-stop")
            .editMetadata()
            .addToAnnotations("mock.camelvk.io/stop-duration", "60s")
            .endMetadata()
            .build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("slow-stop")));
    long start = System.nanoTime();

    List<Pod> seen = cluster.deleteWatching("slow-stop", 3, Duration.ofSeconds(30));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
    assertThat(seen)
        .anySatisfy(
            p ->
                assertThat(p.getStatus().getContainerStatuses())
                    .singleElement()
                    .satisfies(
                        c -> {
                          assertThat(c.getState().getTerminated()).isNotNull();
                          assertThat(c.getState().getTerminated().getExitCode()).isEqualTo(137);
                          assertThat(c.getState().getTerminated().getReason()).isEqualTo("Error");
                        }));
  }

  @Test
  void forceDeletionCleansUpTheProvider(TestCluster cluster) {
    Pod pod = runPod(cluster, "forced");

    cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withName("forced")
        .withGracePeriod(0)
        .delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> !providerHas(pod));
    assertThat(cluster.pod("forced")).isNull();
  }

  @Test
  void aNewPodWithTheNameOfADeletedOneRunsAsANewPod(TestCluster cluster) {
    Pod first = runPod(cluster, "reborn");
    cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withName("reborn")
        .withGracePeriod(0)
        .delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.pod("reborn") == null);

    Pod second = runPod(cluster, "reborn");

    assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
    await().atMost(Duration.ofSeconds(30)).until(() -> !providerHas(first) && providerHas(second));
  }

  private static Pod runPod(TestCluster cluster, String name) {
    Pod created = cluster.create(TestPods.boundTo(kubelet.nodeName(), name).build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
    assertThat(providerHas(created)).isTrue();
    return created;
  }

  private static boolean providerHas(Pod pod) {
    return kubelet.provider().pods().stream()
        .anyMatch(p -> p.getMetadata().getUid().equals(pod.getMetadata().getUid()));
  }
}
