package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.CapturedLog;
import io.camelvk.test.ProviderCallCounts;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.impl.cache.Reflector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: "The API server restarts while 200 pods are being created." A {@link PodBurst} creates
 * the pods one by one and retries each through the outage; kube-apiserver gets SIGTERM (then
 * SIGKILL, see docs/testing.md) while the burst goes on and the kubelet is still syncing the first
 * pods, and is started again in place. While it is down, etcd's history is compacted past
 * everything the kubelet has seen, so its informers' watches must end with 410 Gone and relist. In
 * the end every pod runs, each was given to the provider exactly once, the node stayed Ready, and
 * deleting them leaves nothing behind in the API server or the provider. The recovery bounds are a
 * few times the measured times (docs/testing.md), not minutes.
 */
@WithVirtualKubelet
class ApiServerRestartIT {

  private static final int PODS = 200;
  private static final int STOP_AFTER = 50;
  private static final Duration SETTLE = Duration.ofMinutes(5);

  /** Measured: all Running 0.1-1 s after the burst ends, the node Ready throughout. */
  private static final Duration RECOVERED = Duration.ofSeconds(30);

  /** Measured: 200 pods gone in about 10 s. */
  private static final Duration ALL_GONE = Duration.ofSeconds(60);

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void podsCreatedAcrossAnApiServerRestartRunOnceEachAndAreDeletedCleanly(TestCluster cluster) {
    try (var reflectorLog = CapturedLog.debugOf(Reflector.class)) {
      createThroughRestartThenDelete(cluster, reflectorLog);
    } finally {
      cluster.plane().restartControllers();
    }
  }

  private void createThroughRestartThenDelete(TestCluster cluster, CapturedLog reflectorLog) {
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    var burst = new PodBurst(pods, i -> TestPods.boundTo(kubelet.nodeName(), name(i)).build());
    CompletableFuture<Void> creating = burst.start(PODS, STOP_AFTER);
    long outage;
    try {
      burst.awaitPaused(SETTLE);
      burst.resume();
      long down = System.nanoTime();
      cluster.plane().stopApiServer();
      var etcd = cluster.plane().etcd();
      etcd.compact(etcd.putTestKey("api-server-restart", cluster.namespace()));
      await().atMost(SETTLE).until(() -> burst.failures() > 0);
      cluster.plane().startApiServer();
      outage = Duration.ofNanos(System.nanoTime() - down).toMillis();
    } finally {
      cluster.plane().startApiServer();
    }
    creating.join();
    long restarted = System.nanoTime();

    await()
        .atMost(RECOVERED)
        .until(
            () -> pods.list().getItems().stream().filter(TestPods::isRunningAndReady).count(),
            n -> n == PODS);
    long settled = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
    Map<String, String> uids = uidsByName(pods.list().getItems());
    assertThat(uids).hasSize(PODS).containsKeys(name(0), name(PODS - 1));
    assertThat(uidsByName(providerPods(cluster))).isEqualTo(uids);
    ProviderCallCounts calls = kubelet.providerCalls();
    uids.values().forEach(uid -> assertThat(calls.count("create", uid, null)).isOne());
    assertThat(nodeReady(cluster)).as("the node stayed Ready through the outage").isTrue();
    long gone = reflectorLog.messages().stream().filter(m -> m.contains("http gone")).count();
    assertThat(gone).as("watches that ended with 410 Gone and relisted").isPositive();
    System.out.printf(
        "ApiServerRestartIT: %d pods, apiserver down and back in %d ms, %d failed creates and"
            + " %d AlreadyExists in the burst, all Running %d ms after the burst ended,"
            + " %d watches of the kubelet ended with 410 Gone%n",
        PODS, outage, burst.failures(), burst.alreadyExisted(), settled, gone);

    pods.delete();
    await()
        .atMost(ALL_GONE)
        .until(() -> pods.list().getItems().isEmpty() && providerPods(cluster).isEmpty());
    uids.values()
        .forEach(uid -> assertThat(kubelet.providerCalls().count("delete", uid, null)).isOne());
  }

  private static String name(int i) {
    return "burst-%03d".formatted(i);
  }

  private static List<Pod> providerPods(TestCluster cluster) {
    return kubelet.provider().pods().stream()
        .filter(p -> cluster.namespace().equals(p.getMetadata().getNamespace()))
        .toList();
  }

  private static Map<String, String> uidsByName(List<Pod> pods) {
    return pods.stream()
        .collect(
            Collectors.toMap(
                p -> p.getMetadata().getName(), p -> p.getMetadata().getUid(), (a, b) -> a + b));
  }

  private static boolean nodeReady(TestCluster cluster) {
    var node = cluster.client().nodes().withName(kubelet.nodeName()).get();
    return node.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
