package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.ProviderSettings;
import io.camelvk.config.VkSettings;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging provider on Kafka as a node runs it on the real control plane: a KRaft broker, the
 * Kafka test worker, a Deployment of 5 pods run, their log read and deleted, with the messages per
 * pod from /metrics.
 */
@WithControlPlane
class MessagingKafkaNodeIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private static EmbeddedKafka kafka;
  private static KafkaTestWorker worker;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) {
    kafka = EmbeddedKafka.start();
    worker = KafkaTestWorker.start(kafka.url());
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            ProviderSettings.only("messaging", Optional.empty())
                .withProperty("vk.provider.messaging.transport", "kafka")
                .withProperty("vk.provider.messaging.url", kafka.url()));
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    worker.close();
    kafka.close();
  }

  @Test
  void aDeploymentOfFivePodsRunsOnTheWorkersServesLogsAndIsDeleted(TestCluster cluster) {
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(deployment(kubelet.nodeName()))
        .create();

    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                webPods(cluster).size() == 5
                    && webPods(cluster).stream()
                        .allMatch(io.camelvk.test.TestPods::isRunningAndReady));
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
        "messaging on Kafka, 5 pods of a Deployment run and deleted: %.0f creates, %.0f deletes,"
            + " %.0f statuses (%.1f messages per pod), %.0f for one kubectl logs%n",
        creates, deletes, statuses, (creates + deletes + statuses) / 5, logs);
    assertThat(creates).isEqualTo(5);
    assertThat(deletes).isEqualTo(5);
    assertThat(statuses).isGreaterThanOrEqualTo(10);
    assertThat(logs).isEqualTo(2);
  }

  private static Deployment deployment(String node) {
    return new DeploymentBuilder()
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
        .withNodeSelector(Map.of("kubernetes.io/hostname", node))
        .withTolerations(
            new TolerationBuilder()
                .withKey("virtual-kubelet.io/provider")
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build())
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
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
