package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messaging provider as a node runs it on the real control plane: the provider mapping sends
 * the test's namespace to messaging (an Artemis broker and the test worker) and every other
 * namespace to the mock.
 */
@WithControlPlane
class MessagingNodeIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static EmbeddedBroker broker;
  private static TestWorker worker;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) throws IOException {
    broker = EmbeddedBroker.start();
    worker = TestWorker.start(broker.url());
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.yaml"),
            """
            - route:
                from:
                  uri: direct:vk-provider-mapping
                  steps:
                    - filter:
                        simple: "${header.VkPodNamespace} == '%s'"
                        steps:
                          - setHeader:
                              name: VkProvider
                              constant: messaging
            """
                .formatted(cluster.namespace()));
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            settings
                .providers()
                .withNames(List.of("messaging"))
                .withMapping(mapping)
                .withProperty("vk.provider.messaging.url", broker.url()));
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    worker.close();
    broker.close();
  }

  @Test
  void aDeploymentOfFivePodsRunsOnTheWorkersServesLogsAndIsDeleted(TestCluster cluster) {
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withReplicas(5)
            .withNewSelector()
            .addToMatchLabels("app", "web")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "web")
            .endMetadata()
            .withNewSpec()
            .withNodeSelector(Map.of("kubernetes.io/hostname", kubelet.nodeName()))
            .withTolerations(TestPods.mockToleration())
            .addNewContainer()
            .withName("app")
            .withImage("nginx")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(deployment)
        .create();

    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                webPods(cluster).size() == 5
                    && webPods(cluster).stream().allMatch(TestPods::isRunningAndReady));
    Pod one = webPods(cluster).getFirst();
    assertThat(kubelet.providerOf(one)).isEqualTo("messaging");
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), one.getMetadata().getName()))
        .isEqualTo("log of app\n");

    cluster.client().apps().deployments().inNamespace(cluster.namespace()).withName("web").delete();
    await().atMost(LOADED_MACHINE).until(() -> webPods(cluster).isEmpty());
    await().atMost(LOADED_MACHINE).until(() -> count("io.camelvk.pod.delete") >= 5);
    assertThat(count("io.camelvk.pod.create")).isEqualTo(5);

    String metrics = kubelet.httpGet("/metrics").body();
    double creates = messages(metrics, "sent", "io.camelvk.pod.create");
    double deletes = messages(metrics, "sent", "io.camelvk.pod.delete");
    double statuses = messages(metrics, "received", "io.camelvk.pod.status");
    double logs =
        messages(metrics, "sent", "io.camelvk.pod.logs-request")
            + messages(metrics, "received", "io.camelvk.pod.logs");
    System.out.printf(
        "messaging, 5 pods of a Deployment run and deleted: %.0f creates, %.0f deletes, %.0f"
            + " statuses (%.1f messages per pod), %.0f for one kubectl logs%n",
        creates, deletes, statuses, (creates + deletes + statuses) / 5, logs);
    assertThat(creates).isEqualTo(5);
    assertThat(deletes).isEqualTo(5);
    assertThat(statuses).isGreaterThanOrEqualTo(10);
  }

  /** A counter of vk_messaging_messages_total in the kubelet's /metrics. */
  private static double messages(String metrics, String direction, String type) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("vk_messaging_messages_total{"))
        .filter(l -> l.contains("direction=\"" + direction + "\""))
        .filter(l -> l.contains("type=\"" + type + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aPodOfAnotherNamespaceRunsOnTheMock(TestCluster cluster) {
    String other = cluster.namespace() + "-other";
    cluster
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
        .create();
    try {
      Pod pod =
          new PodBuilder(TestPods.boundTo(kubelet.nodeName(), "elsewhere").build())
              .editMetadata()
              .withNamespace(other)
              .endMetadata()
              .build();
      cluster.client().pods().inNamespace(other).resource(pod).create();
      await()
          .atMost(LOADED_MACHINE)
          .until(
              () ->
                  TestPods.isRunningAndReady(
                      cluster.client().pods().inNamespace(other).withName("elsewhere").get()));

      assertThat(
              kubelet.providerOf(
                  cluster.client().pods().inNamespace(other).withName("elsewhere").get()))
          .isEqualTo("mock");
      assertThat(worker.commands())
          .noneMatch(c -> c.get("subject").asText().startsWith(other + "/"));
    } finally {
      cluster.client().namespaces().withName(other).delete();
    }
  }

  private static long count(String type) {
    return worker.commands().stream()
        .filter(c -> type.equals(c.get("type").asText()))
        .filter(c -> c.get("subject").asText().contains("/web-"))
        .map(c -> c.get("poduid").asText())
        .distinct()
        .count();
  }

  private static List<Pod> webPods(TestCluster cluster) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withLabel("app", "web")
        .list()
        .getItems();
  }
}
