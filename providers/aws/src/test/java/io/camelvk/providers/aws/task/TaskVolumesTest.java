package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.TestPods.container;
import static io.camelvk.providers.aws.task.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.PodRefusedException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

class TaskVolumesTest {

  private final TaskDefinitions definitions =
      new TaskDefinitions(
          new TaskDefinitionSettings("eu-west-1", "/camelvk/pods", null, null, "busybox:stable"));

  @Test
  void anEmptyDirIsATaskVolumeSharedByTheContainersThatMountIt() {
    Pod pod =
        withVolumes(
            pod(
                mounting(container("writer"), "scratch", "/data", false),
                mounting(container("reader"), "scratch", "/in", true)),
            new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build());
    RegisterTaskDefinitionRequest request = definitions.of(pod).request();
    assertThat(request.volumes()).hasSize(1);
    assertThat(request.volumes().getFirst().name()).isEqualTo("scratch");
    assertThat(request.volumes().getFirst().host()).isNull();
    assertThat(request.containerDefinitions().get(0).mountPoints())
        .containsExactly(mountPoint("scratch", "/data", false));
    assertThat(request.containerDefinitions().get(1).mountPoints())
        .containsExactly(mountPoint("scratch", "/in", true));
  }

  @Test
  void aMountedVolumeOfAnotherTypeRefusesThePodSayingWhichAndWhy() {
    Pod pod =
        withVolumes(
            pod(mounting(container("app"), "logs", "/var/log", false)),
            new VolumeBuilder().withName("logs").withNewHostPath("/var/log", null).build());
    assertThatThrownBy(() -> definitions.of(pod))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage(
            "volume logs (hostPath) mounted by container app: the aws provider runs only emptyDir,"
                + " configMap, downwardAPI and projected volumes on Fargate");
  }

  @Test
  void aHostPathOrAClaimIsRefusedByItsType() {
    Pod hostPath =
        withVolumes(
            pod(mounting(container("app"), "logs", "/var/log", false)),
            new VolumeBuilder().withName("logs").withNewHostPath("/var/log", null).build());
    assertThatThrownBy(() -> definitions.of(hostPath))
        .hasMessageStartingWith("volume logs (hostPath)");
    Pod claim =
        withVolumes(
            pod(mounting(container("app"), "db", "/var/lib/db", false)),
            new VolumeBuilder()
                .withName("db")
                .withNewPersistentVolumeClaim("db-claim", false)
                .build());
    assertThatThrownBy(() -> definitions.of(claim))
        .hasMessageStartingWith("volume db (persistentVolumeClaim)");
  }

  @Test
  void aVolumeNoContainerMountsIsLeftAlone() {
    Pod pod =
        withVolumes(
            pod(container("app")),
            new VolumeBuilder()
                .withName("unused")
                .withNewSecret()
                .withSecretName("s")
                .endSecret()
                .build());
    assertThat(definitions.of(pod).request().hasVolumes()).isFalse();
  }

  @Test
  void theServiceAccountTokenVolumeAndItsMountsAreLeftOut() {
    Pod pod =
        withVolumes(
            pod(
                mounting(
                    container("app"),
                    "kube-api-access-x7k2p",
                    "/var/run/secrets/kubernetes.io/serviceaccount",
                    true)),
            new VolumeBuilder()
                .withName("kube-api-access-x7k2p")
                .withNewProjected()
                .addNewSource()
                .withNewServiceAccountToken()
                .withPath("token")
                .endServiceAccountToken()
                .endSource()
                .endProjected()
                .build());
    RegisterTaskDefinitionRequest request = definitions.of(pod).request();
    assertThat(request.hasVolumes()).isFalse();
    assertThat(request.containerDefinitions().getFirst().hasMountPoints()).isFalse();
  }

  @Test
  void aFileVolumeWhoseFilesTheCoreDidNotHandIsRefused() {
    Pod pod =
        withVolumes(
            pod(mounting(container("app"), "bundle", "/etc/bundle", true)),
            new VolumeBuilder().withName("bundle").withNewProjected().endProjected().build());
    assertThatThrownBy(() -> definitions.of(pod))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage(
            "volume bundle came without its files: the aws provider writes only the files the core"
                + " hands it");
  }

  @Test
  void aSubPathMountIsRefused() {
    Container app =
        new ContainerBuilder(container("app"))
            .addNewVolumeMount()
            .withName("scratch")
            .withMountPath("/data")
            .withSubPath("app")
            .endVolumeMount()
            .build();
    Pod pod =
        withVolumes(
            pod(app),
            new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build());
    assertThatThrownBy(() -> definitions.of(pod))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage(
            "container app mounts a subPath of volume scratch: ECS mounts whole volumes only");
  }

  static Container mounting(Container container, String volume, String path, boolean ro) {
    return new ContainerBuilder(container)
        .addNewVolumeMount()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(ro)
        .endVolumeMount()
        .build();
  }

  static Pod withVolumes(Pod pod, Volume... volumes) {
    return new PodBuilder(pod).editSpec().withVolumes(volumes).endSpec().build();
  }

  private static MountPoint mountPoint(String volume, String path, boolean readOnly) {
    return MountPoint.builder().sourceVolume(volume).containerPath(path).readOnly(readOnly).build();
  }
}
