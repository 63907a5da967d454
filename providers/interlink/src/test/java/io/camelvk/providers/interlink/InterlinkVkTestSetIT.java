package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * interLink's own test set (vk-test-set, its pods in src/test/resources/vk-test-set) on the real
 * control plane, through the interlink provider over a unix socket to the fake plugin, which runs
 * the pods' commands: their logs and exit codes are real. The provider mapping puts the pods
 * labelled {@code backend: interlink} on it and the rest on the mock, on one node.
 */
@WithControlPlane
class InterlinkVkTestSetIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static FakePlugin plugin;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) throws IOException {
    plugin = FakePlugin.onSocket(dir.resolve("interlink.sock"));
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.yaml"),
            """
            - route:
                from:
                  uri: direct:vk-provider-mapping
                  steps:
                    - filter:
                        simple: "${header.VkPodLabels[backend]} == 'interlink'"
                        steps:
                          - setHeader:
                              name: VkProvider
                              constant: interlink
            """);
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            settings
                .providers()
                .withNames(List.of(InterlinkProvider.NAME))
                .withMapping(mapping)
                .withProperty("vk.provider.interlink.url", plugin.url())
                .withProperty("vk.provider.interlink.state-dir", dir.resolve("state").toString()));
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    plugin.close();
  }

  @Test
  void helloWorld(TestCluster cluster) {
    apply(cluster, "000-hello-world");

    awaitPhase(cluster, "hello-world", "Succeeded");
    assertThat(logs(cluster, "hello-world", "hello-world")).contains("hello world");
    assertThat(kubelet.providerOf(cluster.pod("hello-world"))).isEqualTo(InterlinkProvider.NAME);
  }

  @Test
  void environmentFromConfigMapAndSecretKeys(TestCluster cluster) {
    apply(cluster, "080-configmap-secret-env");

    awaitPhase(cluster, "configmap-secret-test", "Succeeded");
    assertThat(logs(cluster, "configmap-secret-test", "configmap-secret-container"))
        .contains("APP_NAME: config-test-app")
        .contains("APP_VERSION: 1.0.0")
        .contains("ENVIRONMENT: test")
        .contains("API_KEY: secret-api-key-12345")
        .contains("DB_PASSWORD: super-secret-password")
        .contains("AUTH_TOKEN: bearer-token-xyz789");
  }

  @Test
  void configMapAndSecretVolumesWithSharedEmptyDirs(TestCluster cluster) {
    apply(cluster, "040-config-volumes");

    awaitPhase(cluster, "python-vol", "Succeeded");
    assertThat(logs(cluster, "python-vol", "config")).contains("hello configurable world");
    assertThat(logs(cluster, "python-vol", "secret")).contains("hello secret world");
  }

  @Test
  void initContainersRunInOrderBeforeTheMainContainer(TestCluster cluster) {
    apply(cluster, "065-multi-init-containers");

    awaitPhase(cluster, "multi-init", "Succeeded");
    assertThat(logs(cluster, "multi-init", "create-config"))
        .contains("Config created successfully");
    assertThat(logs(cluster, "multi-init", "validate-config"))
        .contains("Configuration validated successfully");
    assertThat(logs(cluster, "multi-init", "prepare-data"))
        .contains("All init containers finished successfully");
    assertThat(logs(cluster, "multi-init", "main-app"))
        .contains("✓ All 3 init stages completed")
        .contains("✓ Configuration validated")
        .contains("✓ Data file validated")
        .contains("MULTI_INIT_TEST_PASSED");
    assertThat(cluster.pod("multi-init").getStatus().getInitContainerStatuses())
        .extracting(c -> c.getState().getTerminated().getReason())
        .containsExactly("Completed", "Completed", "Completed");
  }

  @Test
  void failingContainersFailTheirPodsWithTheExitCodeInTheReason(TestCluster cluster) {
    apply(cluster, "100-failing-containers");

    for (String pod :
        List.of(
            "exit-code-failure",
            "command-not-found",
            "runtime-error",
            "multi-container-partial-fail",
            "oom-simulation")) {
      awaitPhase(cluster, pod, "Failed");
    }
    ContainerStatus exit =
        cluster.pod("exit-code-failure").getStatus().getContainerStatuses().getFirst();
    assertThat(exit.getState().getTerminated().getExitCode()).isEqualTo(42);
    assertThat(exit.getState().getTerminated().getReason()).isEqualTo("Error: 42");
    assertThat(cluster.pod("exit-code-failure").getStatus().getReason()).isEqualTo("Error: 42");
    assertThat(logs(cluster, "exit-code-failure", "exit-failure"))
        .contains("Simulated application failure")
        .contains("Exit code: 42");
    assertThat(logs(cluster, "runtime-error", "python-exception"))
        .containsPattern("RuntimeError.*database connection failed");
    assertThat(logs(cluster, "multi-container-partial-fail", "success-container"))
        .contains("Container 1: Completed successfully");
    assertThat(logs(cluster, "multi-container-partial-fail", "failure-container"))
        .contains("Container 2: ERROR - Simulating failure");
    assertThat(logs(cluster, "multi-container-partial-fail", "another-success"))
        .contains("Container 3: Completed successfully");
    assertThat(logs(cluster, "oom-simulation", "memory-hog"))
        .contains("Attempting to allocate memory beyond limit");
  }

  @Test
  void quotesInEnvironmentValuesArriveUnchanged(TestCluster cluster) {
    apply(cluster, "105-env-quotes");

    awaitPhase(cluster, "env-quotes-test", "Succeeded");
    assertThat(logs(cluster, "env-quotes-test", "quote-tester"))
        .contains("Testing: SINGLE_QUOTES")
        .contains("Testing: DOUBLE_QUOTES")
        .contains("Testing: JSON_STRING")
        .contains("JSON parsing successful")
        .contains("All tests PASSED")
        .contains("ENV_QUOTES_TEST_PASSED");
  }

  @Test
  void projectedFilesKeepTheirNewlines(TestCluster cluster) {
    apply(cluster, "120-projected-volumes");

    awaitPhase(cluster, "projected-vol", "Succeeded");
    assertThat(logs(cluster, "projected-vol", "check-newlines"))
        .contains("projected ConfigMap multiline.txt: newlines preserved correctly")
        .contains("projected ConfigMap cert-like.pem: PEM format preserved correctly")
        .contains("service account ca.crt: newlines preserved")
        .contains("All projected volume newline tests passed");
  }

  @Test
  void aPodWithoutTheLabelRunsOnTheMockBesideThem(TestCluster cluster) {
    Pod pod = cluster.runPod(kubelet.nodeName(), "on-mock", LOADED_MACHINE);

    assertThat(kubelet.providerOf(pod)).isEqualTo("mock");
    cluster.client().resource(pod).delete();
  }

  @Test
  void aRestartAdoptsThePodsItGaveThePluginAndCreatesNothingAgain(TestCluster cluster) {
    Pod pod = runOnInterlink(cluster, "survives-restart");
    int creates = plugin.count("/create");

    kubelet = kubelet.restart(cluster);

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> TestPods.isRunningAndReady(cluster.pod("survives-restart")));
    ProviderCallLedger calls = kubelet.process().providerCalls();
    assertThat(calls.count("create", pod.getMetadata().getUid(), null)).isZero();
    assertThat(plugin.count("/create")).isEqualTo(creates);
    assertThat(kubelet.providers().bean(InterlinkProvider.NAME).orElseThrow().pods())
        .extracting(p -> p.getMetadata().getUid())
        .contains(pod.getMetadata().getUid());
    deleteAndAwaitGone(cluster, pod);
  }

  @Test
  void aPluginThatFailsMakesTheNodeNotReadyWhileItsPodsKeepTheirStateUntilItRecovers(
      TestCluster cluster) {
    Pod pod = runOnInterlink(cluster, "outlives-outage");

    plugin.answerEverything(503);
    try {
      await().atMost(LOADED_MACHINE).until(() -> ready(cluster).getStatus().equals("False"));
      assertThat(ready(cluster).getMessage()).contains("interlink").contains("interLink");
      ProviderCallLedger calls = kubelet.process().providerCalls();
      long failedBefore = calls.count("status", pod.getMetadata().getUid(), "transient");
      await()
          .atMost(LOADED_MACHINE)
          .until(
              () ->
                  calls.count("status", pod.getMetadata().getUid(), "transient")
                      >= failedBefore + 3);
      assertThat(TestPods.isRunningAndReady(cluster.pod("outlives-outage"))).isTrue();
    } finally {
      plugin.answerEverything(0);
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
    Map<String, Integer> before = plugin.counts();
    ProviderCallLedger calls = kubelet.process().providerCalls();
    long statusCallsBefore =
        calls.entries().stream()
            .filter(e -> e.operation().equals("status"))
            .mapToLong(e -> e.count())
            .sum();
    long started = System.nanoTime();
    List<Pod> created = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      created.add(
          cluster.create(
              TestPods.boundTo(kubelet.nodeName(), "counted-" + i)
                  .editMetadata()
                  .addToLabels("backend", InterlinkProvider.NAME)
                  .endMetadata()
                  .build()));
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
    Map<String, Integer> after = plugin.counts();
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
    Pod pod =
        TestPods.boundTo(kubelet.nodeName(), name)
            .editMetadata()
            .addToLabels("backend", InterlinkProvider.NAME)
            .endMetadata()
            .build();
    cluster.create(pod);
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
    return cluster.pod(name);
  }

  private static NodeCondition ready(TestCluster cluster) {
    return cluster
        .client()
        .nodes()
        .withName(kubelet.nodeName())
        .get()
        .getStatus()
        .getConditions()
        .stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  private static void apply(TestCluster cluster, String manifest) {
    try (InputStream in =
        InterlinkVkTestSetIT.class.getResourceAsStream("/vk-test-set/" + manifest + ".yaml")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("NODE", kubelet.nodeName());
      List<HasMetadata> objects =
          cluster
              .client()
              .load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
              .items();
      for (HasMetadata object : objects) {
        cluster.client().resource(object).inNamespace(cluster.namespace()).create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitPhase(TestCluster cluster, String name, String phase) {
    await()
        .atMost(LOADED_MACHINE)
        .until(
            () -> {
              Pod pod = cluster.pod(name);
              return pod != null
                  && pod.getStatus() != null
                  && phase.equals(pod.getStatus().getPhase());
            });
  }

  private static String logs(TestCluster cluster, String pod, String container) {
    return cluster.kubectl("logs", "-n", cluster.namespace(), pod, "-c", container);
  }

  private static void deleteAndAwaitGone(TestCluster cluster, Pod pod) {
    cluster.client().resource(pod).delete();
    await().atMost(LOADED_MACHINE).until(() -> cluster.pod(pod.getMetadata().getName()) == null);
  }
}
