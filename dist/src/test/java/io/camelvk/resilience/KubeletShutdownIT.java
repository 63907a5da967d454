package io.camelvk.resilience;

import static io.camelvk.resilience.KubeletKillIT.slowPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.providers.mock.MockJournal;
import io.camelvk.providers.mock.MockStateDir;
import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WithControlPlane
class KubeletShutdownIT {

  private static final int PODS = 40;
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
  private ForkedKubelet kubelet;

  @AfterEach
  void stop(TestCluster cluster) {
    if (kubelet != null) {
      kubelet.close();
    }
    cluster.client().nodes().withName(KubeletKillIT.node(cluster)).delete();
  }

  @Test
  void sigtermFinishesTheSyncsInFlightExitsZeroAndARestartDoesTheRestOnce(TestCluster cluster) {
    MockStateDir state = MockStateDir.create(cluster.namespace());
    List<String> flags = List.of("--shutdown-timeout", SHUTDOWN_TIMEOUT.toSeconds() + "s");
    kubelet = KubeletKillIT.start(cluster, state, "first", flags);
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    // Each create call takes 2 s on one of 4 workers: at any moment up to 4 are in flight.
    IntStream.range(0, PODS)
        .forEach(i -> pods.resource(slowPod(cluster, "slow-" + i, "2s")).create());
    // Once the first 4 have their status, the workers are 2 s into the next 4 creates.
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> runningAndReady(cluster) >= 4);

    long completedAtSigterm = runningAndReady(cluster);
    long sigterm = System.nanoTime();
    kubelet.terminate();
    OptionalInt exit = kubelet.waitFor(SHUTDOWN_TIMEOUT);
    Duration took = Duration.ofNanos(System.nanoTime() - sigterm);

    assertThat(exit).as("exit code of %s", kubelet).hasValue(0);
    assertThat(kubelet.log()).contains("SIGTERM received", "Stopped.");
    List<MockJournal.Entry> created = state.journal().entries();
    assertThat(created.size())
        .as("creates in flight at SIGTERM finished; no new one started")
        .isGreaterThan((int) completedAtSigterm)
        .isLessThan(PODS);
    Set<String> createdNames =
        created.stream().map(MockJournal.Entry::name).collect(Collectors.toSet());
    assertThat(pods.list().getItems())
        .filteredOn(p -> createdNames.contains(p.getMetadata().getName()))
        .as("every pod created before the exit has its status written")
        .hasSize(created.size())
        .allMatch(TestPods::isRunningAndReady);
    System.out.printf(
        "KubeletShutdownIT: %d pods synced at SIGTERM, %d at exit, exit 0 after %d ms%n",
        completedAtSigterm, created.size(), took.toMillis());

    Set<String> createdByFirst = state.journal().createsByUid().keySet();
    kubelet = KubeletKillIT.start(cluster, state, "second", flags);
    await().atMost(Duration.ofSeconds(180)).until(() -> runningAndReady(cluster) == PODS);
    Set<String> all =
        pods.list().getItems().stream()
            .map(Pod::getMetadata)
            .map(m -> m.getUid())
            .collect(Collectors.toSet());
    assertThat(state.journal().doubledUids()).isEmpty();
    assertThat(state.journal().createsByUid().keySet()).isEqualTo(all);
    CallsStillNeeded.createdOnlyTheMissing(kubelet.providerCalls(), createdByFirst, all);

    pods.delete();
    await().atMost(Duration.ofSeconds(180)).until(() -> pods.list().getItems().isEmpty());
    CallsStillNeeded.deletedEachOnce(kubelet.providerCalls(), all);
    kubelet.terminate();
    assertThat(kubelet.waitFor(SHUTDOWN_TIMEOUT)).hasValue(0);
  }

  private static long runningAndReady(TestCluster cluster) {
    return cluster.client().pods().inNamespace(cluster.namespace()).list().getItems().stream()
        .filter(TestPods::isRunningAndReady)
        .count();
  }
}
