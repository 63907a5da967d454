package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging provider on AMQP 1.0 (camel-amqp, Qpid JMS) as a node runs it on the real control
 * plane, its worker on the Artemis core protocol of the same broker: a pod, its log and {@code
 * kubectl logs -f}.
 */
@WithControlPlane
class MessagingAmqpNodeIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private static KubeletOnTransport node;
  private static BrokerWorker worker;

  @BeforeAll
  static void start(TestCluster cluster) {
    node = KubeletOnTransport.start(cluster, BrokerTransport.AMQP);
    worker = node.worker();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void aPodRunsServesItsLogAndIsDeletedOverAmqp(TestCluster cluster) {
    Pod pod = cluster.create(onTheNode("over-amqp"));

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> TestPods.isRunningAndReady(cluster.pod("over-amqp")));
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "over-amqp"))
        .isEqualTo("log of app\n");
    assertThatThrownBy(
            () -> cluster.kubectl("exec", "-n", cluster.namespace(), "over-amqp", "--", "true"))
        .hasMessageContaining("messaging");

    cluster.client().resource(pod).delete();
    await().atMost(LOADED_MACHINE).until(() -> cluster.pod("over-amqp") == null);
    assertThat(worker.running()).doesNotContain(pod.getMetadata().getUid());
  }

  @Test
  void kubectlLogsFollowShowsTheWorkersLaterLinesAndItsEndCancelsTheRequest(TestCluster cluster)
      throws IOException {
    Pod pod = cluster.create(onTheNode("followed"));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("followed")));
    Process follow =
        new ProcessBuilder(
                cluster.kubectlPath().toString(),
                "--kubeconfig",
                cluster.kubeconfig().toString(),
                "logs",
                "-f",
                "-n",
                cluster.namespace(),
                "followed")
            .redirectErrorStream(true)
            .start();
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> collect(follow, seen));
    int cancelsBefore = worker.logCancels().size();
    try {
      await().atMost(LOADED_MACHINE).until(() -> seen.equals(List.of("log of app")));
      worker.log(cluster.namespace(), "followed", "app", "written while followed\n");
      await()
          .atMost(LOADED_MACHINE)
          .until(() -> seen.equals(List.of("log of app", "written while followed")));
      assertThat(worker.followedLogs()).isEqualTo(1);
    } finally {
      follow.destroyForcibly();
    }

    await().atMost(LOADED_MACHINE).until(() -> worker.logCancels().size() == cancelsBefore + 1);
    assertThat(worker.followedLogs()).isZero();
    cluster.client().resource(pod).delete();
    await().atMost(LOADED_MACHINE).until(() -> cluster.pod("followed") == null);
  }

  private static Pod onTheNode(String name) {
    return TestPods.boundTo(node.kubelet().nodeName(), name)
        .editSpec()
        .withTolerations(TestPods.anyProviderToleration())
        .endSpec()
        .build();
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
}
