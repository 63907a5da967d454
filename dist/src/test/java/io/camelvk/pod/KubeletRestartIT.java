package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.ProviderCallCounts;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@WithControlPlane
class KubeletRestartIT {

  private RunningKubelet kubelet;

  @Test
  void aRestartWithPodsRunningDuplicatesNothingDeletesNothingAndCleansPodsDeletedWhileDown(
      TestCluster cluster) {
    String node = "vk-" + cluster.namespace();
    kubelet = RunningKubelet.start(cluster, node);
    try {
      var pods = cluster.client().pods().inNamespace(cluster.namespace());
      IntStream.range(0, 5)
          .forEach(i -> pods.resource(TestPods.boundTo(node, "keep-" + i).build()).create());
      pods.resource(TestPods.boundTo(node, "gone").build()).create();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  pods.list().getItems().stream().filter(TestPods::isRunningAndReady).count() == 6);
      Set<String> uidsBefore = uids(pods.list().getItems());
      String goneUid = pods.withName("gone").get().getMetadata().getUid();
      List<String> restartCounts = restartCounts(pods.list().getItems());

      kubelet.close();
      pods.withName("gone").withGracePeriod(0).delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> pods.withName("gone").get() == null);
      kubelet = RunningKubelet.start(cluster, kubelet.settings(), kubelet.provider());

      await().atMost(Duration.ofSeconds(30)).until(() -> kubelet.provider().pods().size() == 5);
      assertThat(uids(kubelet.provider().pods()))
          .isEqualTo(
              uidsBefore.stream()
                  .filter(
                      uid ->
                          pods.list().getItems().stream()
                              .anyMatch(p -> p.getMetadata().getUid().equals(uid)))
                  .collect(Collectors.toSet()));
      assertThat(pods.list().getItems()).hasSize(5).allMatch(TestPods::isRunningAndReady);
      ProviderCallCounts calls = kubelet.providerCalls();
      uidsBefore.forEach(uid -> assertThat(calls.count("create", uid, null)).as(uid).isZero());
      assertThat(calls.count("delete", goneUid, "ok")).isOne();
      assertThat(restartCounts(pods.list().getItems()))
          .isEqualTo(restartCounts.stream().filter(c -> c.startsWith("keep-")).toList());
    } finally {
      kubelet.close();
      cluster.client().nodes().withName(node).delete();
    }
  }

  private static Set<String> uids(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
  }

  private static List<String> restartCounts(List<Pod> pods) {
    return pods.stream()
        .map(
            p ->
                p.getMetadata().getName()
                    + "="
                    + p.getStatus().getContainerStatuses().getFirst().getRestartCount())
        .sorted()
        .toList();
  }
}
