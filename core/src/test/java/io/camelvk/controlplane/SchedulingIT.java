package io.camelvk.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WithControlPlane
class SchedulingIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void deploymentOfThreeReplicasYieldsThreePendingPodsThatTheSchedulerCannotPlace(
      TestCluster cluster) {
    Map<String, String> labels = Map.of("app", "web");
    Deployment web =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .withNewSelector()
            .withMatchLabels(labels)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .withImage("nginx")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().apps().deployments().inNamespace(cluster.namespace()).resource(web).create();

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pods(cluster)).hasSize(3));
    List<Pod> pods = pods(cluster);
    assertThat(pods)
        .allSatisfy(
            pod -> {
              assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
              assertThat(pod.getSpec().getNodeName()).isNull();
            });
    Set<String> podNames =
        pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(failedSchedulingPods(cluster)).containsAll(podNames));
  }

  private static List<Pod> pods(TestCluster cluster) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withLabel("app", "web")
        .list()
        .getItems();
  }

  private static Set<String> failedSchedulingPods(TestCluster cluster) {
    return cluster
        .client()
        .v1()
        .events()
        .inNamespace(cluster.namespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> "FailedScheduling".equals(e.getReason()))
        .filter(e -> "Pod".equals(e.getInvolvedObject().getKind()))
        .filter(SchedulingIT::reportedByTheScheduler)
        .map(e -> e.getInvolvedObject().getName())
        .collect(Collectors.toSet());
  }

  private static boolean reportedByTheScheduler(Event event) {
    return "default-scheduler".equals(event.getReportingComponent())
        || (event.getSource() != null
            && "default-scheduler".equals(event.getSource().getComponent()));
  }
}
