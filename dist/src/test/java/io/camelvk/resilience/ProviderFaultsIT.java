package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.test.ProviderCallCounts;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mock that fails 30% of its lifecycle calls and hangs 10% of them (for ten minutes, far beyond
 * the two-second provider-call timeout): every pod still runs, is started exactly once, and is
 * deleted from the API server and the mock.
 */
@WithControlPlane
class ProviderFaultsIT {

  private static final int PODS = 40;
  private static final String FAULTS =
      "default: {faults: {errorFraction: 0.3, timeoutFraction: 0.1, timeout: 10m, seed: 42}}";

  @Test
  void everyPodRunsOnceAndIsDeletedThoughCallsFailAndHang(TestCluster cluster, @TempDir Path dir)
      throws Exception {
    VkSettings settings =
        RunningKubelet.settings("vk-faults-" + cluster.namespace())
            .withProviderConfig(Files.writeString(dir.resolve("mock.yaml"), FAULTS))
            .withProviderCallTimeout(Duration.ofSeconds(2));
    MockProvider mock = (MockProvider) RunningKubelet.defaultProvider(settings);
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, mock);
    try {
      long start = System.nanoTime();
      List<String> names = IntStream.range(0, PODS).mapToObj(i -> "faulty-" + i).toList();
      names.forEach(name -> create(cluster, kubelet, name));
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> running(cluster) == PODS);
      System.out.printf(
          "ProviderFaultsIT: %d pods Running in %d s%n",
          PODS, Duration.ofNanos(System.nanoTime() - start).toSeconds());

      Map<String, String> uids = uidsByName(cluster);
      assertThat(uids).hasSize(PODS);
      ProviderCallCounts calls = kubelet.providerCalls();
      uids.forEach(
          (name, uid) -> {
            assertThat(calls.count("create", uid, "ok"))
                .as("successful creates of %s", name)
                .isOne();
            assertThat(mock.creations(uid)).as("creations of %s in the mock", name).isOne();
          });
      assertThat(mock.pods())
          .extracting(p -> p.getMetadata().getUid())
          .containsExactlyInAnyOrderElementsOf(uids.values());

      cluster.client().pods().inNamespace(cluster.namespace()).delete();
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  cluster
                          .client()
                          .pods()
                          .inNamespace(cluster.namespace())
                          .list()
                          .getItems()
                          .isEmpty()
                      && mock.pods().isEmpty());

      Map<String, Long> failures = failureEvents(cluster);
      System.out.println("ProviderFaultsIT: failure events by reason " + failures);
      assertThat(failures)
          .containsKey(PodSyncFailures.PROVIDER_ERROR)
          .containsKey(PodSyncFailures.PROVIDER_TIMEOUT);
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  private static void create(TestCluster cluster, RunningKubelet kubelet, String name) {
    cluster.create(TestPods.boundTo(kubelet.nodeName(), name).build());
  }

  private static long running(TestCluster cluster) {
    return cluster.client().pods().inNamespace(cluster.namespace()).list().getItems().stream()
        .filter(TestPods::isRunningAndReady)
        .count();
  }

  private static Map<String, String> uidsByName(TestCluster cluster) {
    return cluster.client().pods().inNamespace(cluster.namespace()).list().getItems().stream()
        .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getMetadata().getUid()));
  }

  private static Map<String, Long> failureEvents(TestCluster cluster) {
    return cluster
        .client()
        .v1()
        .events()
        .inNamespace(cluster.namespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> "Warning".equals(e.getType()))
        .filter(e -> e.getReason().startsWith("Provider"))
        .collect(Collectors.groupingBy(Event::getReason, Collectors.counting()));
  }
}
