package io.camelvk.providers.interlink;

import static io.camelvk.providers.interlink.InterlinkNode.LOADED_MACHINE;
import static io.camelvk.providers.interlink.InterlinkNode.awaitPhase;
import static io.camelvk.providers.interlink.InterlinkNode.deleteAndAwaitGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.api.KubeletApiClient;
import io.camelvk.node.NodeSettings;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interlink provider as a node runs it, on the real control plane beside the mock: a pod the
 * plugin refuses, a followed log, a restart that adopts the pods, an outage of the plugin, the
 * plugin's taints, no usage for kubectl top, and the requests each pod costs the plugin.
 */
@WithControlPlane
class InterlinkNodeIT {

  @TempDir static Path dir;
  private static InterlinkNode node;

  @BeforeAll
  static void start(TestCluster cluster) {
    node = InterlinkNode.start(cluster, dir);
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    node.stop(cluster);
  }

  @Test
  void aPodThePluginRefusesFailsAtOnceWithItsAnswer(TestCluster cluster) {
    cluster.create(
        node.pod("refused")
            .editMetadata()
            .addToAnnotations("fake-plugin.interlink/refuse", "no partition fits this job")
            .endMetadata()
            .build());

    awaitPhase(cluster, "refused", "Failed");
    Pod refused = cluster.pod("refused");
    assertThat(refused.getStatus().getReason()).isEqualTo("ProviderFailed");
    assertThat(refused.getStatus().getMessage())
        .contains("HTTP 400")
        .contains("no partition fits this job")
        .doesNotContain("Exception");
    assertThat(cluster.eventsAbout("refused"))
        .anyMatch(
            e ->
                "ProviderFailed".equals(e.getReason())
                    && e.getMessage().contains("no partition fits"));
  }

  @Test
  void kubectlLogsFollowsAContainerUntilItEnds(TestCluster cluster) {
    Pod pod =
        node.pod("followed")
            .editSpec()
            .withRestartPolicy("Never")
            .editFirstContainer()
            .withCommand("sh", "-c", "echo one; sleep 10; echo two")
            .endContainer()
            .endSpec()
            .build();
    cluster.create(pod);
    await()
        .atMost(LOADED_MACHINE)
        .until(
            () -> {
              Pod current = cluster.pod("followed");
              return current.getStatus() != null
                  && current.getStatus().getContainerStatuses().stream()
                      .anyMatch(c -> c.getState() != null && c.getState().getRunning() != null);
            });

    String followed = cluster.kubectl("logs", "-f", "-n", cluster.namespace(), "followed");

    assertThat(followed).isEqualTo("one\ntwo\n");
    assertThat(cluster.kubectl("logs", "--tail=1", "-n", cluster.namespace(), "followed"))
        .isEqualTo("two\n");
  }

  @Test
  void aPodWithoutTheLabelRunsOnTheMockBesideThem(TestCluster cluster) {
    Pod pod = cluster.runPod(node.kubelet().nodeName(), "on-mock", LOADED_MACHINE);

    assertThat(node.kubelet().providerOf(pod)).isEqualTo("mock");
    cluster.client().resource(pod).delete();
  }

  @Test
  void theKubeletApisStatsListTheMockPodAndNoUsageForAnInterlinkPod(TestCluster cluster)
      throws Exception {
    Pod onInterlink = runOnInterlink(cluster, "no-usage");
    Pod onMock = cluster.runPod(node.kubelet().nodeName(), "with-usage", LOADED_MACHINE);
    KubeletApiClient asApiServer =
        KubeletApiClient.asApiServer(cluster, node.kubelet().settings().node().kubeletPort());

    JsonNode summary = new ObjectMapper().readTree(asApiServer.get("/stats/summary").body());
    String resourceMetrics = asApiServer.get("/metrics/resource").body();

    assertThat(summary.get("pods").findValuesAsText("name"))
        .contains("with-usage")
        .doesNotContain("no-usage");
    assertThat(resourceMetrics).contains("pod=\"with-usage\"").doesNotContain("pod=\"no-usage\"");
    cluster.client().resource(onMock).delete();
    deleteAndAwaitGone(cluster, onInterlink);
  }

  @Test
  void theTaintsThePluginsPingReportsAreOnTheNodeUntilAnEmptyListClearsThem(TestCluster cluster) {
    node.plugin()
        .reportTaints(
            "[{\"key\": \"example.com/queue\", \"value\": \"long\", \"effect\":"
                + " \"NoSchedule\"}]");
    try {
      await().atMost(LOADED_MACHINE).until(() -> taintKeys(cluster).contains("example.com/queue"));
      assertThat(taintKeys(cluster)).contains(NodeSettings.DEFAULT_TAINT_KEY);
    } finally {
      node.plugin().reportTaints("[]");
    }
    await().atMost(LOADED_MACHINE).until(() -> !taintKeys(cluster).contains("example.com/queue"));
    assertThat(taintKeys(cluster)).contains(NodeSettings.DEFAULT_TAINT_KEY);
  }

  @Test
  void aRestartAdoptsThePodsItGaveThePluginAndCreatesNothingAgain(TestCluster cluster) {
    Pod pod = runOnInterlink(cluster, "survives-restart");
    int creates = node.plugin().count("/create");

    node.restart(cluster);

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> TestPods.isRunningAndReady(cluster.pod("survives-restart")));
    ProviderCallLedger calls = node.kubelet().process().providerCalls();
    assertThat(calls.count("create", pod.getMetadata().getUid(), null)).isZero();
    assertThat(node.plugin().count("/create")).isEqualTo(creates);
    assertThat(node.kubelet().providers().bean(InterlinkProvider.NAME).orElseThrow().pods())
        .extracting(p -> p.getMetadata().getUid())
        .contains(pod.getMetadata().getUid());
    deleteAndAwaitGone(cluster, pod);
  }

  @Test
  void aPluginThatFailsMakesTheNodeNotReadyWhileItsPodsKeepTheirStateUntilItRecovers(
      TestCluster cluster) {
    Pod pod = runOnInterlink(cluster, "outlives-outage");

    node.plugin().answerEverything(503);
    try {
      await().atMost(LOADED_MACHINE).until(() -> ready(cluster).getStatus().equals("False"));
      assertThat(ready(cluster).getMessage()).contains("interlink").contains("interLink");
      ProviderCallLedger calls = node.kubelet().process().providerCalls();
      long failedBefore = calls.count("status", pod.getMetadata().getUid(), "transient");
      await()
          .atMost(LOADED_MACHINE)
          .until(
              () ->
                  calls.count("status", pod.getMetadata().getUid(), "transient")
                      >= failedBefore + 3);
      assertThat(TestPods.isRunningAndReady(cluster.pod("outlives-outage"))).isTrue();
    } finally {
      node.plugin().answerEverything(0);
    }

    await().atMost(LOADED_MACHINE).until(() -> ready(cluster).getStatus().equals("True"));
    assertThat(TestPods.isRunningAndReady(cluster.pod("outlives-outage"))).isTrue();
    deleteAndAwaitGone(cluster, pod);
  }

  /**
   * Requests to the plugin for pods that run, are polled and are deleted: one create and one delete
   * each, and status in batches, so that the status requests follow the time, not the pod count.
   */
  @Test
  void eachPodCostsOneCreateAndOneDeleteAndStatusIsAskedInBatches(TestCluster cluster) {
    int pods = 20;
    Map<String, Integer> before = node.plugin().counts();
    ProviderCallLedger calls = node.kubelet().process().providerCalls();
    long statusCallsBefore =
        calls.entries().stream()
            .filter(e -> e.operation().equals("status"))
            .mapToLong(e -> e.count())
            .sum();
    long started = System.nanoTime();
    List<Pod> created = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      created.add(cluster.create(node.pod("counted-" + i).build()));
    }
    for (Pod pod : created) {
      await()
          .atMost(LOADED_MACHINE)
          .until(() -> TestPods.isRunningAndReady(cluster.pod(pod.getMetadata().getName())));
    }
    sleep(Duration.ofSeconds(15));
    for (Pod pod : created) {
      cluster.client().resource(pod).delete();
    }
    for (Pod pod : created) {
      await().atMost(LOADED_MACHINE).until(() -> cluster.pod(pod.getMetadata().getName()) == null);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Map<String, Integer> after = node.plugin().counts();
    long statusCalls =
        calls.entries().stream()
                .filter(e -> e.operation().equals("status"))
                .mapToLong(e -> e.count())
                .sum()
            - statusCallsBefore;

    int creates = delta(before, after, "/create");
    int deletes = delta(before, after, "/delete");
    int statuses = delta(before, after, "/status");
    System.out.printf(
        "interlink, %d pods over %d s: %d /create, %d /delete, %d /status requests for %d status"
            + " calls of the core (%.2f requests per pod in all)%n",
        pods,
        took.toSeconds(),
        creates,
        deletes,
        statuses,
        statusCalls,
        (double) (creates + deletes + statuses) / pods);
    assertThat(creates).isEqualTo(pods);
    assertThat(deletes).isEqualTo(pods);
    assertThat(statuses).isLessThan((int) statusCalls / 2);
    assertThat(statuses)
        .as("one batch per status-max-age at most, whatever the pod count")
        .isLessThanOrEqualTo(
            (int) (took.toMillis() / InterlinkProviderFactory.DEFAULT_STATUS_MAX_AGE.toMillis())
                + pods);
  }

  private static int delta(Map<String, Integer> before, Map<String, Integer> after, String path) {
    return after.getOrDefault(path, 0) - before.getOrDefault(path, 0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Pod runOnInterlink(TestCluster cluster, String name) {
    cluster.create(node.pod(name).build());
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
    return cluster.pod(name);
  }

  private static List<String> taintKeys(TestCluster cluster) {
    var taints =
        cluster.client().nodes().withName(node.kubelet().nodeName()).get().getSpec().getTaints();
    return taints == null ? List.of() : taints.stream().map(Taint::getKey).toList();
  }

  private static NodeCondition ready(TestCluster cluster) {
    return cluster
        .client()
        .nodes()
        .withName(node.kubelet().nodeName())
        .get()
        .getStatus()
        .getConditions()
        .stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }
}
