package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Phases and provider failures, driven through the mock's annotations. */
@WithVirtualKubelet
class PodPhaseIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void neverRestartedContainerExitingZeroMakesThePodSucceeded(TestCluster cluster) {
    Pod pod =
        awaitPhase(
            cluster,
            create(cluster, "ok", "Never", Map.of(PodBehaviour.EXIT_AFTER, "1s")),
            "Succeeded");

    assertThat(
            pod.getStatus()
                .getContainerStatuses()
                .getFirst()
                .getState()
                .getTerminated()
                .getReason())
        .isEqualTo("Completed");
    assertThat(pod.getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("PodCompleted"));
  }

  @Test
  void neverRestartedContainerExitingNonZeroMakesThePodFailed(TestCluster cluster) {
    Pod pod =
        awaitPhase(
            cluster,
            create(
                cluster,
                "bad",
                "Never",
                Map.of(PodBehaviour.EXIT_AFTER, "1s", PodBehaviour.EXIT_CODE, "2")),
            "Failed");

    assertThat(
            pod.getStatus()
                .getContainerStatuses()
                .getFirst()
                .getState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(2);
  }

  @Test
  void onFailureRestartsAFailingContainerAndThePodStaysRunning(TestCluster cluster) {
    create(
        cluster,
        "crashy",
        "OnFailure",
        Map.of(
            PodBehaviour.EXIT_AFTER,
            "1s",
            PodBehaviour.EXIT_CODE,
            "1",
            PodBehaviour.RESTART_DELAY,
            "1s"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Pod pod = cluster.pod("crashy");
              assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
              assertThat(pod.getStatus().getContainerStatuses().getFirst().getRestartCount())
                  .isGreaterThanOrEqualTo(2);
            });
  }

  @Test
  void aPodTheProviderRefusesFailsWithProviderFailedAndAnEvent(TestCluster cluster) {
    Pod pod =
        awaitPhase(
            cluster,
            create(cluster, "refused", "Always", Map.of(PodBehaviour.FAIL_CREATE, "true")),
            "Failed");

    assertThat(pod.getStatus().getReason()).isEqualTo("ProviderFailed");
    assertThat(pod.getStatus().getMessage()).contains("fail its creation");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster.eventsAbout("refused").stream()
                    .anyMatch(e -> "ProviderFailed".equals(e.getReason())));
    assertThat(kubelet.provider().pods())
        .noneMatch(p -> p.getMetadata().getName().equals("refused"));
  }

  @Test
  void transientProviderFailuresAreRetriedWithBackoffReportedAfterTheLimitAndRecover(
      TestCluster cluster) {
    create(cluster, "flaky", "Always", Map.of(PodBehaviour.FAIL_CREATE, "transient:6"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster.eventsAbout("flaky").stream()
                    .anyMatch(
                        e ->
                            "ProviderFailed".equals(e.getReason())
                                && "Warning".equals(e.getType())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("flaky")));
  }

  @Test
  void otherPodsAreUnaffectedByAFailingOne(TestCluster cluster) {
    create(cluster, "failing", "Always", Map.of(PodBehaviour.FAIL_CREATE, "transient:100"));
    create(cluster, "healthy", "Always", Map.of());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("healthy")));
    assertThat(cluster.pod("failing").getStatus().getPhase()).isEqualTo("Pending");
  }

  private static Pod create(
      TestCluster cluster, String name, String restartPolicy, Map<String, String> annotations) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .resource(
            TestPods.boundTo(kubelet.nodeName(), name)
                .editMetadata()
                .withAnnotations(annotations)
                .endMetadata()
                .editSpec()
                .withRestartPolicy(restartPolicy)
                .endSpec()
                .build())
        .create();
  }

  private static Pod awaitPhase(TestCluster cluster, Pod pod, String phase) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> cluster.pod(pod.getMetadata().getName()),
            p -> p.getStatus() != null && phase.equals(p.getStatus().getPhase()));
  }
}
