package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.providers.aws.task.VolumeFilesContainer;
import io.camelvk.providers.aws.task.WriterRuns;
import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestDeployments;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
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
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The aws provider as a node runs it on the real control plane, against moto_server (reached
 * through a proxy the test cuts): a Deployment as ECS tasks, its log from CloudWatch Logs, its
 * delete stopping them; a restart that finds the tasks again; a task that stops with an error; ECS
 * unreachable; a ConfigMap volume written by the task's first container, a Secret volume refused.
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
    assertThat(node.tasksOf(uids, DesiredStatus.RUNNING)).hasSize(3);

    Pod one = cluster.podsLabelled("app", "web").getFirst();
    node.moto()
        .putLog(
            node.runningTask(one.getMetadata().getUid()),
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
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> node.tasksOf(uids, DesiredStatus.STOPPED).size() == 3);
    assertThat(node.tasksOf(uids, DesiredStatus.RUNNING)).isEmpty();
  }

  @Test
  void aRestartedProcessFindsItsTaskAgainAndStartsNoOther(TestCluster cluster) throws Exception {
    Pod pod = cluster.create(node.pod("survivor", "Always"));
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
    assertThat(node.tasksOf(List.of(uid), DesiredStatus.RUNNING)).hasSize(1);
    assertThat(node.tasksOf(List.of(uid), DesiredStatus.STOPPED)).isEmpty();
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
  }

  @Test
  void aTaskWhoseContainerExitsWithCode1MakesThePodFailed(TestCluster cluster) {
    cluster.create(node.pod("failing", "Never"));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("failing")));
    Task task = node.runningTask(cluster.pod("failing").getMetadata().getUid());
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
  void aPodThatMountsAConfigMapRunsOnceTheTasksFirstContainerHasWrittenItsFiles(
      TestCluster cluster, @TempDir Path written) throws Exception {
    cluster.kubectl(
        "create",
        "configmap",
        "app-settings",
        "-n",
        cluster.namespace(),
        "--from-literal=app.conf=port=8080\nname='web'\n",
        "--from-literal=greeting=hello from a ConfigMap");
    Pod pod = cluster.create(mounting(node.pod("configured", "Always"), configMapVolume()));
    String uid = cluster.pod("configured").getMetadata().getUid();
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> !node.tasksOf(List.of(uid), DesiredStatus.RUNNING).isEmpty());
    Task task = node.runningTask(uid);
    // Some rounds of the poll loop (every 300 ms): the files are not written yet.
    Thread.sleep(2000);
    assertThat(TestPods.isRunningAndReady(cluster.pod("configured"))).isFalse();

    List<ContainerDefinition> definitions =
        node.moto()
            .ecs()
            .describeTaskDefinition(d -> d.taskDefinition(task.taskDefinitionArn()))
            .taskDefinition()
            .containerDefinitions();
    assertThat(definitions)
        .extracting(ContainerDefinition::name)
        .containsExactly(VolumeFilesContainer.NAME, "app");
    ContainerDefinition writer = definitions.getFirst();
    assertThat(writer.image()).isEqualTo("public.ecr.aws/docker/library/busybox:stable");
    assertThat(writer.essential()).isFalse();
    assertThat(definitions.get(1).mountPoints())
        .containsExactly(
            MountPoint.builder()
                .sourceVolume("settings")
                .containerPath("/etc/app")
                .readOnly(true)
                .build());
    assertThat(definitions.get(1).dependsOn())
        .containsExactly(
            ContainerDependency.builder()
                .containerName(VolumeFilesContainer.NAME)
                .condition(ContainerCondition.SUCCESS)
                .build());

    int exitCode = WriterRuns.run(writer, written);
    assertThat(exitCode).isZero();
    assertThat(WriterRuns.files(written))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("settings/conf/app.conf", "rw-------", "settings/greeting", "rw-r-----"));
    assertThat(Files.readString(written.resolve("settings/conf/app.conf")))
        .isEqualTo("port=8080\nname='web'\n");
    assertThat(Files.readString(written.resolve("settings/greeting")))
        .isEqualTo("hello from a ConfigMap");

    node.tasksProxy().containerExited(task.taskArn(), VolumeFilesContainer.NAME, exitCode);
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> TestPods.isRunningAndReady(cluster.pod("configured")));
    assertThat(cluster.pod("configured").getStatus().getContainerStatuses())
        .extracting(ContainerStatus::getName)
        .containsExactly("app");
    assertThat(cluster.pod("configured").getStatus().getInitContainerStatuses()).isEmpty();
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
  }

  @Test
  void aPodThatMountsASecretIsFailedSayingWhyAndRunsNoTask(TestCluster cluster) {
    cluster.kubectl(
        "create",
        "secret",
        "generic",
        "db",
        "-n",
        cluster.namespace(),
        "--from-literal=password=hunter2");
    Pod pod =
        cluster.create(
            mounting(
                node.pod("secretive", "Always"),
                new VolumeBuilder()
                    .withName("creds")
                    .withNewSecret()
                    .withSecretName("db")
                    .endSecret()
                    .build()));
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> "Failed".equals(cluster.pod("secretive").getStatus().getPhase()));
    assertThat(cluster.pod("secretive").getStatus().getMessage())
        .startsWith(
            "volume creds (secret) mounted by container app: the aws provider does not write"
                + " Secrets or service account tokens into a Fargate task, because their bytes"
                + " would stand in plain text in the task definition")
        .doesNotContain("hunter2");
    String uid = cluster.pod("secretive").getMetadata().getUid();
    assertThat(node.tasksOf(List.of(uid), DesiredStatus.RUNNING)).isEmpty();
    assertThat(node.tasksOf(List.of(uid), DesiredStatus.STOPPED)).isEmpty();
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
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

  /** The ConfigMap app-settings, two of its keys, one in a directory with its own mode. */
  private static io.fabric8.kubernetes.api.model.Volume configMapVolume() {
    return new VolumeBuilder()
        .withName("settings")
        .withNewConfigMap()
        .withName("app-settings")
        .withDefaultMode(0640)
        .addNewItem()
        .withKey("app.conf")
        .withPath("conf/app.conf")
        .withMode(0600)
        .endItem()
        .addNewItem()
        .withKey("greeting")
        .withPath("greeting")
        .endItem()
        .endConfigMap()
        .build();
  }

  /** The pod with that volume, mounted by its first container at /etc/app. */
  private static Pod mounting(Pod pod, io.fabric8.kubernetes.api.model.Volume volume) {
    return new PodBuilder(pod)
        .editSpec()
        .addToVolumes(volume)
        .editFirstContainer()
        .addNewVolumeMount()
        .withName(volume.getName())
        .withMountPath("/etc/app")
        .endVolumeMount()
        .endContainer()
        .endSpec()
        .build();
  }
}
