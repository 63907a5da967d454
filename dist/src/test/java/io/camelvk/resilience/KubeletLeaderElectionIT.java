package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.node.NodeLeaseRenewer;
import io.camelvk.providers.mock.MockJournal;
import io.camelvk.providers.mock.MockStateDir;
import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WithControlPlane
class KubeletLeaderElectionIT {

  private static final int PODS = 50;
  private static final int LATER_PODS = 10;
  private static final Duration LEASE_DURATION = Duration.ofSeconds(15);
  private static final Duration RETRY_PERIOD = Duration.ofSeconds(2);
  private static final String LEASE = "vk-election";
  private static final String LEADING = "serving the node and its pods as the leader";
  private ForkedKubelet a;
  private ForkedKubelet b;

  @AfterEach
  void stop(TestCluster cluster) {
    for (ForkedKubelet kubelet : new ForkedKubelet[] {a, b}) {
      if (kubelet != null) {
        kubelet.close();
      }
    }
    cluster.client().nodes().withName(KubeletKillIT.node(cluster)).delete();
  }

  @Test
  void killingTheLeaderHandsOverWithinTheLeaseAndNoPodIsCreatedTwice(TestCluster cluster) {
    MockStateDir state = MockStateDir.create(cluster.namespace());
    a = KubeletKillIT.start(cluster, state, "a", electionFlags(cluster, "replica-a"));
    await().atMost(Duration.ofSeconds(60)).until(() -> a.log().contains(LEADING));
    b = KubeletKillIT.start(cluster, state, "b", electionFlags(cluster, "replica-b"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> b.log().contains("leader of Lease " + cluster.namespace()));
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    IntStream.range(0, PODS)
        .forEach(
            i ->
                pods.resource(TestPods.boundTo(KubeletKillIT.node(cluster), "p-" + i).build())
                    .create());
    await().atMost(Duration.ofSeconds(180)).until(() -> runningAndReady(cluster) == PODS);
    assertThat(holder(cluster)).contains("replica-a");
    assertThat(b.log()).doesNotContain(LEADING);
    assertThat(pidsOfCreates(state)).containsOnlyKeys(a.pid());
    Set<String> createdByA = state.journal().createsByUid().keySet();

    long killed = System.nanoTime();
    a.kill();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> holder(cluster).filter("replica-b"::equals).isPresent());
    Duration handover = Duration.ofNanos(System.nanoTime() - killed);
    await().atMost(Duration.ofSeconds(60)).until(() -> b.log().contains(LEADING));
    Duration serving = Duration.ofNanos(System.nanoTime() - killed);
    System.out.printf(
        "KubeletLeaderElectionIT: Lease taken over %d ms after SIGKILL, serving after %d ms%n",
        handover.toMillis(), serving.toMillis());
    // fabric8 retries every retry period plus up to 1.2 times it in jitter.
    assertThat(handover).isLessThan(LEASE_DURATION.plus(RETRY_PERIOD.multipliedBy(3)));
    assertThat(runningAndReady(cluster)).isEqualTo(PODS);

    ZonedDateTime takenOver = ZonedDateTime.now();
    IntStream.range(0, LATER_PODS)
        .forEach(
            i ->
                pods.resource(TestPods.boundTo(KubeletKillIT.node(cluster), "later-" + i).build())
                    .create());
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> runningAndReady(cluster) == PODS + LATER_PODS);
    assertThat(state.journal().doubledUids()).isEmpty();
    assertThat(pidsOfCreates(state))
        .isEqualTo(Map.of(a.pid(), (long) PODS, b.pid(), (long) LATER_PODS));
    Set<String> all = uids(pods.list().getItems());
    CallsStillNeeded.createdOnlyTheMissing(b.providerCalls(), createdByA, all);
    await().atMost(Duration.ofSeconds(30)).until(() -> nodeLeaseRenewedAfter(cluster, takenOver));

    pods.delete();
    await().atMost(Duration.ofSeconds(180)).until(() -> pods.list().getItems().isEmpty());
    CallsStillNeeded.deletedEachOnce(b.providerCalls(), all);
    b.terminate();
    assertThat(b.waitFor(Duration.ofSeconds(30))).hasValue(0);
    assertThat(holder(cluster)).as("the Lease is given up on SIGTERM").isEmpty();
  }

  private static List<String> electionFlags(TestCluster cluster, String identity) {
    return List.of(
        "--leader-elect",
        "--leader-elect-lease-duration",
        LEASE_DURATION.toSeconds() + "s",
        "--leader-elect-renew-deadline",
        "10s",
        "--leader-elect-retry-period",
        RETRY_PERIOD.toSeconds() + "s",
        "--leader-elect-resource-namespace",
        cluster.namespace(),
        "--leader-elect-resource-name",
        LEASE,
        "--leader-elect-identity",
        identity);
  }

  private static Set<String> uids(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
  }

  private static long runningAndReady(TestCluster cluster) {
    return cluster.client().pods().inNamespace(cluster.namespace()).list().getItems().stream()
        .filter(TestPods::isRunningAndReady)
        .count();
  }

  private static Optional<String> holder(TestCluster cluster) {
    Lease lease = cluster.client().leases().inNamespace(cluster.namespace()).withName(LEASE).get();
    return Optional.ofNullable(lease)
        .map(l -> l.getSpec().getHolderIdentity())
        .filter(h -> !h.isBlank());
  }

  private static Map<Long, Long> pidsOfCreates(MockStateDir state) {
    return state.journal().entries().stream()
        .filter(e -> e.event().equals("create"))
        .collect(Collectors.groupingBy(MockJournal.Entry::pid, Collectors.counting()));
  }

  private static boolean nodeLeaseRenewedAfter(TestCluster cluster, ZonedDateTime time) {
    Lease lease =
        cluster
            .client()
            .leases()
            .inNamespace(NodeLeaseRenewer.NAMESPACE)
            .withName(KubeletKillIT.node(cluster))
            .get();
    return lease != null && lease.getSpec().getRenewTime().isAfter(time);
  }
}
