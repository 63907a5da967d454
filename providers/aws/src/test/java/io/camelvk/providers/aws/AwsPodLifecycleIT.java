package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.KubectlStream;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The aws provider's pods as a user sees them on the real control plane, against moto: the event
 * that says how a pod's size was rounded to Fargate's, exec refused naming the provider, {@code
 * kubectl logs --since} and {@code -f}, a task ECS no longer knows failing its pod, and a task
 * whose pod was deleted while the process was down stopped when it starts again.
 */
@WithControlPlane
class AwsPodLifecycleIT {

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
  void aPodWhoseSizeIsRoundedUpIsToldSoAndExecIsRefusedNamingTheProvider(TestCluster cluster) {
    Pod pod = node.pod("rounded", "Always");
    pod.getSpec()
        .getContainers()
        .getFirst()
        .setResources(
            new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("300m"))
                .addToRequests("memory", new Quantity("600Mi"))
                .build());
    cluster.create(pod);
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("rounded")));

    await()
        .atMost(LOADED_MACHINE)
        .untilAsserted(
            () ->
                assertThat(cluster.eventsAbout("rounded"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("FargateSizeRounded");
                          assertThat(e.getType()).isEqualTo("Normal");
                          assertThat(e.getMessage())
                              .isEqualTo(
                                  "the pod asks for 300m CPU and 600Mi; Fargate runs it as 512"
                                      + " CPU units (0.5 vCPU) and 1024 MiB");
                        }));
    assertThatThrownBy(
            () -> cluster.kubectl("exec", "-n", cluster.namespace(), "rounded", "--", "true"))
        .hasMessageContaining("aws");
  }

  @Test
  void aPodWhoseTaskEcsNoLongerKnowsFails(TestCluster cluster) {
    cluster.create(node.pod("vanishing", "Always"));
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> TestPods.isRunningAndReady(cluster.pod("vanishing")));

    node.tasksProxy()
        .hide(node.runningTask(cluster.pod("vanishing").getMetadata().getUid()).taskArn());

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> "Failed".equals(cluster.pod("vanishing").getStatus().getPhase()));
    assertThat(cluster.pod("vanishing").getStatus().getReason()).isEqualTo("TaskVanished");
    assertThat(cluster.pod("vanishing").getStatus().getMessage())
        .endsWith("no longer exists on the cluster");
  }

  @Test
  void aTaskWhosePodWasDeletedWhileTheProcessWasDownIsStoppedWhenItStarts(TestCluster cluster) {
    Pod pod = cluster.create(node.pod("orphan", "Always"));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("orphan")));
    Task task = node.runningTask(cluster.pod("orphan").getMetadata().getUid());

    node.stopKubelet();
    cluster.client().resource(pod).withGracePeriod(0).delete();
    await().atMost(LOADED_MACHINE).until(() -> cluster.pod("orphan") == null);
    assertThat(running()).contains(task.taskArn());
    node.startKubelet(cluster);

    await().atMost(LOADED_MACHINE).until(() -> !running().contains(task.taskArn()));
  }

  @Test
  void kubectlLogsSinceAndFollowReadTheStreamAsItGrowsUntilThePodIsDeleted(TestCluster cluster) {
    Pod pod = cluster.create(node.pod("followed", "Always"));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("followed")));
    Task task = node.runningTask(cluster.pod("followed").getMetadata().getUid());
    node.moto().putLog(task, "app", Instant.now().minus(Duration.ofHours(2)), List.of("old line"));
    node.moto().putLog(task, "app", List.of("one", "two"));

    assertThat(cluster.kubectl("logs", "--since=1h", "-n", cluster.namespace(), "followed"))
        .isEqualTo("one\ntwo\n");
    try (KubectlStream follow =
        cluster.kubectlStream("logs", "-f", "--since=1h", "-n", cluster.namespace(), "followed")) {
      await().atMost(LOADED_MACHINE).until(() -> follow.lines().equals(List.of("one", "two")));
      node.moto().putLog(task, "app", List.of("three"));
      await()
          .atMost(LOADED_MACHINE)
          .until(() -> follow.lines().equals(List.of("one", "two", "three")));

      cluster.client().resource(pod).delete();
      await().atMost(LOADED_MACHINE).until(() -> !follow.running());
    }
  }

  private static List<String> running() {
    return node.moto().tasks(DesiredStatus.RUNNING).stream().map(Task::taskArn).toList();
  }
}
