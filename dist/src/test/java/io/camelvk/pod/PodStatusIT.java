package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithVirtualKubelet
class PodStatusIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void aRunningPodHasEveryConditionHostAndPodIpsAndStartTime(TestCluster cluster) {
    cluster.create(TestPods.boundTo(kubelet.nodeName(), "full").build());

    Pod pod =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> cluster.pod("full"), TestPods::isRunningAndReady);

    Map<String, String> conditions =
        pod.getStatus().getConditions().stream()
            .collect(Collectors.toMap(PodCondition::getType, PodCondition::getStatus));
    assertThat(conditions)
        .containsOnly(
            Map.entry("PodScheduled", "True"),
            Map.entry("PodReadyToStartContainers", "True"),
            Map.entry("Initialized", "True"),
            Map.entry("ContainersReady", "True"),
            Map.entry("Ready", "True"));
    assertThat(pod.getStatus().getHostIPs())
        .extracting(h -> h.getIp())
        .containsExactly("127.0.0.1");
    assertThat(pod.getStatus().getPodIPs()).isNotEmpty();
    assertThat(pod.getStatus().getQosClass()).isEqualTo("BestEffort");
  }

  @Test
  void aShorterActiveDeadlineSetWhileThePodRunsAppliesAtOnce(TestCluster cluster) {
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "shortened")
            .editSpec()
            .withActiveDeadlineSeconds(600L)
            .endSpec()
            .build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("shortened")));

    cluster.kubectl(
        "patch",
        "pod",
        "shortened",
        "-n",
        cluster.namespace(),
        "-p",
        "{\"spec\":{\"activeDeadlineSeconds\":3}}");

    Pod failed =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> cluster.pod("shortened"),
                p -> p.getStatus() != null && "Failed".equals(p.getStatus().getPhase()));
    assertThat(failed.getStatus().getReason()).isEqualTo("DeadlineExceeded");
  }

  @Test
  void aPodPastItsActiveDeadlineFailsWithDeadlineExceededAndStopsInTheProvider(
      TestCluster cluster) {
    Pod created =
        cluster
            .client()
            .pods()
            .inNamespace(cluster.namespace())
            .resource(
                TestPods.boundTo(kubelet.nodeName(), "deadline")
                    .editSpec()
                    .withActiveDeadlineSeconds(3L)
                    .endSpec()
                    .build())
            .create();

    Pod failed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> cluster.pod("deadline"),
                p -> p.getStatus() != null && "Failed".equals(p.getStatus().getPhase()));

    assertThat(failed.getStatus().getReason()).isEqualTo("DeadlineExceeded");
    assertThat(failed.getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
    assertThat(failed.getStatus().getContainerStatuses())
        .singleElement()
        .satisfies(c -> assertThat(c.getState().getTerminated()).isNotNull());
    List<String> runningUids =
        kubelet.provider().pods().stream().map(p -> p.getMetadata().getUid()).toList();
    assertThat(runningUids).doesNotContain(created.getMetadata().getUid());
  }
}
