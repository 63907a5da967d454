package io.camelvk.provider;

import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.providers.web.WebBackend;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web provider on a real control plane, beside the mock on one node: pods labelled {@code
 * backend: web} run on the reference backend (examples/web/backend.py), the others on the mock. One
 * node and backend per test class.
 */
@WithControlPlane
abstract class WebBesideMockNode {

  static final Duration RUNNING = Duration.ofSeconds(60);
  static final String NODE_STATUS_PERIOD_MILLIS = "2000";

  @TempDir static Path dir;
  static WebBackend backend;
  static RunningKubelet kubelet;

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

  static List<String> eventMessages(TestCluster cluster, String pod) {
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

  static void collect(Process process, List<String> lines) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(lines::add);
    } catch (IOException e) {
      // the process was stopped
    }
  }

  static String lineOf(TestCluster cluster, String pod, int line) {
    return cluster.kubectl("logs", "-n", cluster.namespace(), pod).lines().toList().get(line - 1);
  }

  static io.fabric8.kubernetes.api.model.Node node(TestCluster cluster) {
    return cluster.client().nodes().withName(kubelet.nodeName()).get();
  }

  static NodeCondition ready(TestCluster cluster) {
    return node(cluster).getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  static Pod run(TestCluster cluster, String name, String backendLabel) {
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

  static void delete(TestCluster cluster, Pod... pods) {
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
