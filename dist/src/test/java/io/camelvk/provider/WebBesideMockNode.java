package io.camelvk.provider;

import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.providers.web.WebBackend;
import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  static void start(TestCluster cluster) {
    backend = WebBackend.start();
    VkSettings settings =
        ProviderBesideMock.settings(
            cluster,
            dir,
            WebBackend.NAME,
            Map.of(
                WebBackend.URL_PROPERTY,
                backend.url(),
                "vk.node.status-period-millis",
                NODE_STATUS_PERIOD_MILLIS));
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    backend.close();
  }

  static List<String> eventMessages(TestCluster cluster, String pod) {
    return cluster.eventsAbout(pod).stream()
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
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
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), name)
            .editMetadata()
            .addToLabels(ProviderBesideMock.LABEL, backendLabel)
            .endMetadata()
            .build());
    await().atMost(RUNNING).until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
    return cluster.pod(name);
  }

  static void delete(TestCluster cluster, Pod... pods) {
    cluster.deleteAndAwaitGone(RUNNING, pods);
  }
}
