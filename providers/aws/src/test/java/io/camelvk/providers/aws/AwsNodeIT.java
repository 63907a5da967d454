package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestDeployments;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The aws provider as a node runs it on the real control plane, against moto_server (reached
 * through a proxy the test cuts): a Deployment as ECS tasks, its log from CloudWatch Logs, its
 * delete stopping them; a restart that finds the tasks again; a task that stops with an error; ECS
 * unreachable.
 */
@WithControlPlane
class AwsNodeIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private static AwsNode node;

  @BeforeAll
  static void start(TestCluster cluster, @TempDir Path dir) {
    node = AwsNode.start(cluster, dir);
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    node.stop(cluster);
  }

  @Test
  void aDeploymentOfThreePodsRunsAsTasksServesItsLogAndItsDeleteStopsThem(TestCluster cluster) {
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(
            TestDeployments.web(
                3,
                node.kubelet().nodeName(),
                TestPods.anyProviderToleration(),
                Map.of(ProviderBesideMock.LABEL, "aws")))
        .create();
    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                cluster.podsLabelled("app", "web").size() == 3
                    && cluster.podsLabelled("app", "web").stream()
                        .allMatch(TestPods::isRunningAndReady));
    List<String> uids =
        cluster.podsLabelled("app", "web").stream().map(p -> p.getMetadata().getUid()).toList();
    assertThat(cluster.podsLabelled("app", "web"))
        .allMatch(p -> "aws".equals(node.kubelet().providerOf(p)));
    assertThat(tasksOf(uids, DesiredStatus.RUNNING)).hasSize(3);

    Pod one = cluster.podsLabelled("app", "web").getFirst();
    node.moto()
        .putLog(
            taskOf(one.getMetadata().getUid()),
            "app",
            List.of("hello from fargate", "second line"));
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), one.getMetadata().getName()))
        .isEqualTo("hello from fargate\nsecond line\n");
    assertThat(
            cluster.kubectl(
                "logs", "--tail=1", "-n", cluster.namespace(), one.getMetadata().getName()))
        .isEqualTo("second line\n");

    cluster.client().apps().deployments().inNamespace(cluster.namespace()).withName("web").delete();
    await().atMost(LOADED_MACHINE).until(() -> cluster.podsLabelled("app", "web").isEmpty());
    await().atMost(LOADED_MACHINE).until(() -> tasksOf(uids, DesiredStatus.STOPPED).size() == 3);
    assertThat(tasksOf(uids, DesiredStatus.RUNNING)).isEmpty();
  }

  @Test
  void aRestartedProcessFindsItsTaskAgainAndStartsNoOther(TestCluster cluster) throws Exception {
    Pod pod = cluster.create(onAws("survivor", "Always"));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("survivor")));
    String uid = cluster.pod("survivor").getMetadata().getUid();
    List<Boolean> readySeen = new CopyOnWriteArrayList<>();
    Watch watch =
        cluster
            .client()
            .pods()
            .inNamespace(cluster.namespace())
            .withName("survivor")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod seen) {
                    readySeen.add(TestPods.isRunningAndReady(seen));
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      node.restart(cluster);
      await()
          .atMost(LOADED_MACHINE)
          .until(() -> "aws".equals(node.kubelet().providerOf(cluster.pod("survivor"))));
      // Some rounds of the new process's poll loop (every 300 ms) and node status.
      Thread.sleep(3000);
    } finally {
      watch.close();
    }

    assertThat(readySeen).doesNotContain(false);
    assertThat(TestPods.isRunningAndReady(cluster.pod("survivor"))).isTrue();
    assertThat(tasksOf(List.of(uid), DesiredStatus.RUNNING)).hasSize(1);
    assertThat(tasksOf(List.of(uid), DesiredStatus.STOPPED)).isEmpty();
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
  }

  @Test
  void aTaskWhoseContainerExitsWithCode1MakesThePodFailed(TestCluster cluster) {
    cluster.create(onAws("failing", "Never"));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("failing")));
    Task task = taskOf(cluster.pod("failing").getMetadata().getUid());
    node.tasksProxy().exitCode(task.taskArn(), 1);
    node.moto()
        .ecs()
        .stopTask(
            s ->
                s.cluster(node.moto().name())
                    .task(task.taskArn())
                    .reason("Essential container in task exited"));

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> "Failed".equals(cluster.pod("failing").getStatus().getPhase()));
    assertThat(
            cluster
                .pod("failing")
                .getStatus()
                .getContainerStatuses()
                .getFirst()
                .getState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(1);
  }

  @Test
  void anUnreachableEcsMakesTheNodeNotReadyUntilItIsBack(TestCluster cluster) {
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> ready(cluster).map(c -> "True".equals(c.getStatus())).orElse(false));
    node.proxy().cut();
    try {
      await()
          .atMost(LOADED_MACHINE)
          .until(
              () -> ready(cluster).map(c -> "EcsUnreachable".equals(c.getReason())).orElse(false));
      assertThat(ready(cluster).orElseThrow().getStatus()).isEqualTo("False");
    } finally {
      node.proxy().restore();
    }
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> ready(cluster).map(c -> "True".equals(c.getStatus())).orElse(false));
  }

  private static Optional<NodeCondition> ready(TestCluster cluster) {
    return cluster
        .client()
        .nodes()
        .withName(node.kubelet().nodeName())
        .get()
        .getStatus()
        .getConditions()
        .stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  private static Task taskOf(String uid) {
    return tasksOf(List.of(uid), DesiredStatus.RUNNING).getFirst();
  }

  private static List<Task> tasksOf(List<String> uids, DesiredStatus status) {
    return node.moto().tasks(status).stream()
        .filter(
            t ->
                t.tags().stream()
                    .anyMatch(
                        tag -> "camelvk.io/uid".equals(tag.key()) && uids.contains(tag.value())))
        .toList();
  }

  private static Pod onAws(String name, String restartPolicy) {
    return new PodBuilder(TestPods.boundTo(node.kubelet().nodeName(), name).build())
        .editMetadata()
        .addToLabels(ProviderBesideMock.LABEL, "aws")
        .endMetadata()
        .editSpec()
        .withRestartPolicy(restartPolicy)
        .withTolerations(TestPods.anyProviderToleration())
        .endSpec()
        .build();
  }
}
