package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.providers.mock.MockJournal;
import io.camelvk.providers.mock.MockStateDir;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WithControlPlane
class KubeletKillIT {

  private static final int PODS = 200;
  private ForkedKubelet kubelet;

  @AfterEach
  void stop(TestCluster cluster) {
    if (kubelet != null) {
      kubelet.close();
    }
    cluster.client().nodes().withName(node(cluster)).delete();
  }

  @Test
  void aKubeletKilledMidBurstAndRestartedRunsEveryPodOnceAndDeletesThemAll(TestCluster cluster) {
    MockStateDir state = MockStateDir.create(cluster.namespace());
    kubelet = start(cluster, state, "first");
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    // A create call of 100 ms on 4 workers: the burst takes about 5 s, so the kill lands inside it.
    IntStream.range(0, PODS)
        .forEach(i -> pods.resource(slowPod(cluster, "burst-" + i, "100ms")).create());
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> state.journal().createsByUid().size() >= PODS / 10);
    long firstPid = kubelet.pid();
    kubelet.kill();
    Set<String> createdBeforeKill = state.journal().createsByUid().keySet();
    assertThat(createdBeforeKill).as("the kill landed mid-burst").hasSizeLessThan(PODS);

    kubelet = start(cluster, state, "second");
    await()
        .atMost(Duration.ofSeconds(240))
        .until(
            () -> pods.list().getItems().stream().filter(TestPods::isRunningAndReady).count(),
            running -> running == PODS);

    MockJournal journal = state.journal();
    Set<String> uids = uids(pods.list().getItems());
    assertThat(journal.doubledUids()).isEmpty();
    assertThat(journal.createsByUid().keySet()).isEqualTo(uids);
    assertThat(journal.entries().stream().map(MockJournal.Entry::pid).collect(Collectors.toSet()))
        .contains(firstPid, kubelet.pid());
    assertThat(state.storedPods()).isEqualTo(PODS);
    CallsStillNeeded.createdOnlyTheMissing(kubelet.providerCalls(), createdBeforeKill, uids);

    pods.delete();
    await().atMost(Duration.ofSeconds(240)).until(() -> pods.list().getItems().isEmpty());
    assertThat(state.storedPods()).isZero();
    CallsStillNeeded.deletedEachOnce(kubelet.providerCalls(), uids);
    Map<String, Long> deletes =
        state.journal().entries().stream()
            .filter(e -> e.event().equals("delete"))
            .collect(Collectors.groupingBy(MockJournal.Entry::uid, Collectors.counting()));
    assertThat(deletes.keySet()).isEqualTo(uids);
    assertThat(deletes.values()).containsOnly(1L);
  }

  static ForkedKubelet start(TestCluster cluster, MockStateDir state, String name) {
    return start(cluster, state, name, List.of());
  }

  /**
   * A kubelet for the class's node on the mock's stateDir, 4 sync workers, counting its provider
   * calls, running.
   */
  static ForkedKubelet start(
      TestCluster cluster, MockStateDir state, String name, List<String> moreFlags) {
    List<String> flags =
        new java.util.ArrayList<>(
            List.of(
                "--nodename",
                node(cluster),
                "--provider-config",
                state.configFile().toString(),
                "--kubelet-port",
                Integer.toString(LoopbackPorts.free()),
                "--pod-sync-workers",
                "4",
                "--debug-provider-calls"));
    flags.addAll(moreFlags);
    ForkedKubelet started = ForkedKubelet.start(cluster, cluster.namespace() + "-" + name, flags);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> started.log().contains("started with provider") || !started.isAlive());
    assertThat(started.isAlive()).as("%s is running", started).isTrue();
    return started;
  }

  /** Pods for the class's node whose create call takes this long in the mock. */
  static Pod slowPod(TestCluster cluster, String name, String createDelay) {
    return TestPods.boundTo(node(cluster), name)
        .editMetadata()
        .addToAnnotations(PodBehaviour.CREATE_DELAY, createDelay)
        .endMetadata()
        .build();
  }

  static String node(TestCluster cluster) {
    return "vk-" + cluster.namespace();
  }

  private static Set<String> uids(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
  }
}
