package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.providers.web.WebBackend;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web provider on a real control plane, beside the mock on one node: pods labelled {@code
 * backend: web} run on the reference backend (examples/web/backend.py), the others on the mock.
 */
@WithControlPlane
class WebProviderIT {

  private static final Duration RUNNING = Duration.ofSeconds(60);
  private static final String NODE_STATUS_PERIOD_MILLIS = "2000";

  @TempDir static Path dir;
  private static WebBackend backend;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) throws IOException {
    backend = WebBackend.start();
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.yaml"),
            """
            - route:
                from:
                  uri: direct:vk-provider-mapping
                  steps:
                    - filter:
                        simple: "${header.VkPodLabels[backend]} == 'web'"
                        steps:
                          - setHeader:
                              name: VkProvider
                              constant: web
            """);
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            settings
                .providers()
                .withNames(List.of(WebBackend.NAME))
                .withMapping(mapping)
                .withProperty(WebBackend.URL_PROPERTY, backend.url())
                .withProperty("vk.node.status-period-millis", NODE_STATUS_PERIOD_MILLIS));
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    backend.close();
  }

  @Test
  void aPodOnTheWebBackendRunsServesItsLogsAndIsDeletedBesideAMockPod(TestCluster cluster) {
    Map<String, Integer> before = backend.requests();
    Pod onWeb = run(cluster, "on-web", "web");
    Pod onMock = run(cluster, "on-mock", "mock");

    assertThat(kubelet.providerOf(onWeb)).isEqualTo("web");
    assertThat(kubelet.providerOf(onMock)).isEqualTo("mock");
    assertThat(backend.pods()).contains(onWeb.getMetadata().getUid()).doesNotContain("on-mock");
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "on-web").lines())
        .hasSize(5)
        .allMatch(line -> line.contains("on-web/app: line"));
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "on-web", "--tail=2").lines())
        .containsExactly(lineOf(cluster, "on-web", 4), lineOf(cluster, "on-web", 5));

    delete(cluster, onWeb, onMock);
    assertThat(backend.pods()).isEqualTo("[]");
    Map<String, Integer> after = backend.requests();
    assertThat(after.get("/createPod") - before.getOrDefault("/createPod", 0)).isOne();
    assertThat(after.get("/deletePod") - before.getOrDefault("/deletePod", 0)).isOne();
  }

  @Test
  void kubectlLogsFollowShowsTheLinesTheBackendAddsUntilThePodIsDeleted(TestCluster cluster)
      throws IOException, InterruptedException {
    Pod pod = run(cluster, "followed", "web");
    Process follow =
        new ProcessBuilder(
                cluster.kubectlPath().toString(),
                "--kubeconfig",
                cluster.kubeconfig().toString(),
                "logs",
                "-f",
                "--tail=1",
                "-n",
                cluster.namespace(),
                "followed")
            .redirectErrorStream(true)
            .start();
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> collect(follow, seen));
    try {
      await().atMost(RUNNING).until(() -> seen.size() == 1);
      backend.log(cluster.namespace(), "followed", "app", "added while followed");
      await().atMost(RUNNING).until(() -> seen.contains("added while followed"));
      assertThat(seen.getFirst()).endsWith("followed/app: line 5");

      delete(cluster, pod);

      assertThat(follow.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      follow.destroy();
    }
  }

  @Test
  void aPodTheBackendRefusesFailsWithTheBackendsReason(TestCluster cluster) {
    Pod pod =
        TestPods.boundTo(kubelet.nodeName(), "refused")
            .editMetadata()
            .withNamespace(cluster.namespace())
            .addToLabels("backend", "web")
            .addToAnnotations("web.example.com/refuse", "no GPUs left for this pod")
            .endMetadata()
            .build();
    cluster.client().pods().inNamespace(cluster.namespace()).resource(pod).create();

    await()
        .atMost(RUNNING)
        .until(
            () ->
                "Failed"
                    .equals(
                        cluster
                            .client()
                            .pods()
                            .inNamespace(cluster.namespace())
                            .withName("refused")
                            .get()
                            .getStatus()
                            .getPhase()));
    Pod failed = cluster.client().pods().inNamespace(cluster.namespace()).withName("refused").get();
    assertThat(failed.getStatus().getReason()).isEqualTo(PodSyncFailures.PROVIDER_FAILED);
    assertThat(failed.getStatus().getMessage()).contains("no GPUs left for this pod");
    assertThat(eventMessages(cluster, "refused")).anyMatch(m -> m.contains("no GPUs left"));
    delete(cluster, failed);
  }

  @Test
  void aCreateTheBackendFailsIsRetriedWithWarningsAndRunsOnceTheBackendWorks(TestCluster cluster) {
    backend.failWith(503);
    try {
      cluster
          .client()
          .pods()
          .inNamespace(cluster.namespace())
          .resource(
              TestPods.boundTo(kubelet.nodeName(), "retried")
                  .editMetadata()
                  .withNamespace(cluster.namespace())
                  .addToLabels("backend", "web")
                  .endMetadata()
                  .build())
          .create();
      await()
          .atMost(RUNNING)
          .until(
              () ->
                  eventMessages(cluster, "retried").stream()
                      .anyMatch(m -> m.contains("answered 503 to POST /createPod")));
    } finally {
      backend.failWith(0);
    }
    await()
        .atMost(RUNNING)
        .until(
            () ->
                TestPods.isRunningAndReady(
                    cluster
                        .client()
                        .pods()
                        .inNamespace(cluster.namespace())
                        .withName("retried")
                        .get()));
    assertThat(eventMessages(cluster, "retried")).noneMatch(m -> m.contains("\tat "));
    delete(
        cluster,
        cluster.client().pods().inNamespace(cluster.namespace()).withName("retried").get());
  }

  @Test
  void theNodeShowsTheBackendsAddressAfterItsOwnAndAddsItsCapacity(TestCluster cluster) {
    await()
        .atMost(RUNNING)
        .untilAsserted(
            () ->
                assertThat(node(cluster).getStatus().getAddresses())
                    .containsExactly(
                        new NodeAddress("127.0.0.1", "InternalIP"),
                        new NodeAddress("198.51.100.10", "ExternalIP")));
    Quantity cpu = node(cluster).getStatus().getCapacity().get("cpu");
    assertThat(Quantity.getAmountInBytes(cpu).intValue()).isEqualTo(20 + 16);
  }

  @Test
  void aBackendThatGoesDownMakesTheNodeNotReadyAndItsPodsKeepTheirStatusUntilItIsBack(
      TestCluster cluster) {
    Pod pod = run(cluster, "outlives-backend", "web");
    int port = backend.port();
    backend.close();
    try {
      await()
          .atMost(RUNNING)
          .untilAsserted(
              () ->
                  assertThat(ready(cluster))
                      .satisfies(
                          c -> {
                            assertThat(c.getStatus()).isEqualTo("False");
                            assertThat(c.getMessage())
                                .contains("provider web: web backend " + "http://127.0.0.1:" + port)
                                .contains("unavailable");
                          }));
      assertThat(
              TestPods.isRunningAndReady(
                  cluster
                      .client()
                      .pods()
                      .inNamespace(cluster.namespace())
                      .withName("outlives-backend")
                      .get()))
          .isTrue();
    } finally {
      backend = WebBackend.start(port, List.of());
    }
    await().atMost(RUNNING).until(() -> "True".equals(ready(cluster).getStatus()));
    await().atMost(RUNNING).until(() -> backend.pods().contains(pod.getMetadata().getUid()));
    delete(cluster, pod);
  }

  private static List<String> eventMessages(TestCluster cluster, String pod) {
    return cluster
        .client()
        .v1()
        .events()
        .inNamespace(cluster.namespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> pod.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
  }

  private static void collect(Process process, List<String> lines) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(lines::add);
    } catch (IOException e) {
      // the process was stopped
    }
  }

  private static String lineOf(TestCluster cluster, String pod, int line) {
    return cluster.kubectl("logs", "-n", cluster.namespace(), pod).lines().toList().get(line - 1);
  }

  private static io.fabric8.kubernetes.api.model.Node node(TestCluster cluster) {
    return cluster.client().nodes().withName(kubelet.nodeName()).get();
  }

  private static NodeCondition ready(TestCluster cluster) {
    return node(cluster).getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  private static Pod run(TestCluster cluster, String name, String backendLabel) {
    Pod pod =
        TestPods.boundTo(kubelet.nodeName(), name)
            .editMetadata()
            .withNamespace(cluster.namespace())
            .addToLabels("backend", backendLabel)
            .endMetadata()
            .build();
    cluster.client().pods().inNamespace(cluster.namespace()).resource(pod).create();
    await()
        .atMost(RUNNING)
        .until(
            () ->
                TestPods.isRunningAndReady(
                    cluster.client().pods().inNamespace(cluster.namespace()).withName(name).get()));
    return cluster.client().pods().inNamespace(cluster.namespace()).withName(name).get();
  }

  private static void delete(TestCluster cluster, Pod... pods) {
    for (Pod pod : pods) {
      cluster.client().resource(pod).delete();
    }
    for (Pod pod : pods) {
      await()
          .atMost(RUNNING)
          .until(
              () ->
                  cluster
                          .client()
                          .pods()
                          .inNamespace(cluster.namespace())
                          .withName(pod.getMetadata().getName())
                          .get()
                      == null);
    }
  }
}
