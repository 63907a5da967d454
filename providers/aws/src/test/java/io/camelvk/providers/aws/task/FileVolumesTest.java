package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.TaskVolumesTest.mounting;
import static io.camelvk.providers.aws.task.TaskVolumesTest.withVolumes;
import static io.camelvk.providers.aws.task.TestPods.container;
import static io.camelvk.providers.aws.task.TestPods.pod;
import static io.camelvk.providers.aws.task.TestPods.withInit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** ConfigMap, downward API and projected volumes written into the task by a first container. */
class FileVolumesTest {

  private static final String IMAGE = "public.ecr.aws/docker/library/busybox:stable";

  private final TaskDefinitions definitions =
      new TaskDefinitions(
          new TaskDefinitionSettings("eu-west-1", "/camelvk/pods", null, null, IMAGE));

  @Test
  void aConfigMapIsWrittenByAFirstContainerThatEveryOtherWaitsFor() {
    Pod pod =
        withVolumes(
            withInit(
                pod(mounting(container("app"), "settings", "/etc/app", false)),
                container("migrate")),
            configMap("settings"));
    PodVolumes settings = volumes(file("settings", "app.conf", "port=8080\n", 0644));
    RegisterTaskDefinitionRequest request = definitions.of(pod, settings).request();

    assertThat(request.containerDefinitions())
        .extracting(ContainerDefinition::name)
        .containsExactly(VolumeFilesContainer.NAME, "migrate", "app");
    ContainerDefinition writer = request.containerDefinitions().getFirst();
    assertThat(writer.image()).isEqualTo(IMAGE);
    assertThat(writer.essential()).isFalse();
    assertThat(writer.entryPoint()).containsExactly("sh", "-c");
    assertThat(writer.command()).containsExactly(VolumeFilesContainer.script(settings.volumes()));
    assertThat(writer.workingDirectory()).isEqualTo("/camelvk-volumes");
    assertThat(writer.mountPoints())
        .containsExactly(mountPoint("settings", "/camelvk-volumes/settings", false));
    assertThat(writer.memoryReservation()).isEqualTo(6);
    assertThat(writer.logConfiguration()).isNotNull();
    assertThat(writer.hasDependsOn()).isFalse();

    ContainerDefinition migrate = request.containerDefinitions().get(1);
    assertThat(migrate.dependsOn()).containsExactly(success(VolumeFilesContainer.NAME));
    assertThat(migrate.hasMountPoints()).isFalse();
    ContainerDefinition app = request.containerDefinitions().get(2);
    assertThat(app.dependsOn())
        .containsExactly(success(VolumeFilesContainer.NAME), success("migrate"));
    // The kubelet mounts a ConfigMap read-only whatever the mount says.
    assertThat(app.mountPoints()).containsExactly(mountPoint("settings", "/etc/app", true));
    // What the writer reserves is not the others' to share.
    assertThat(app.memoryReservation()).isEqualTo(512 - 6);
    assertThat(request.volumes()).hasSize(1);
    assertThat(request.volumes().getFirst().name()).isEqualTo("settings");
    assertThat(request.volumes().getFirst().host()).isNull();
  }

  @Test
  void downwardApiAndProjectedVolumesAreWrittenToo() {
    Pod pod =
        withVolumes(
            pod(
                mounting(
                    mounting(container("app"), "info", "/etc/podinfo", true),
                    "bundle",
                    "/etc/bundle",
                    true)),
            new VolumeBuilder().withName("info").withNewDownwardAPI().endDownwardAPI().build(),
            projectedConfigMap().build());
    PodVolumes files =
        new PodVolumes(
            List.of(
                new ResolvedVolume(
                    "info",
                    VolumeKind.DOWNWARD_API,
                    List.of(new VolumeFile("name", bytes("web"), 0644))),
                new ResolvedVolume(
                    "bundle",
                    VolumeKind.PROJECTED,
                    List.of(new VolumeFile("app.conf", bytes("x=1"), 0644)))));
    RegisterTaskDefinitionRequest request = definitions.of(pod, files).request();
    ContainerDefinition writer = request.containerDefinitions().getFirst();
    assertThat(writer.command()).containsExactly(VolumeFilesContainer.script(files.volumes()));
    assertThat(writer.mountPoints())
        .extracting(MountPoint::containerPath)
        .containsExactly("/camelvk-volumes/info", "/camelvk-volumes/bundle");
    assertThat(request.volumes()).extracting(v -> v.name()).containsExactly("info", "bundle");
  }

  @Test
  void aSecretVolumeIsRefusedSayingWhyAndWhatWorksInstead() {
    Pod pod =
        withVolumes(
            pod(mounting(container("app"), "creds", "/etc/creds", true)),
            new VolumeBuilder()
                .withName("creds")
                .withNewSecret()
                .withSecretName("db")
                .endSecret()
                .build());
    PodVolumes files =
        new PodVolumes(
            List.of(
                new ResolvedVolume(
                    "creds",
                    VolumeKind.SECRET,
                    List.of(new VolumeFile("password", bytes("hunter2"), 0400)))));
    assertThatThrownBy(() -> definitions.of(pod, files))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage(
            "volume creds (secret) mounted by container app: the aws provider does not write"
                + " Secrets or service account tokens into a Fargate task, because their bytes"
                + " would stand in plain text in the task definition, which DescribeTaskDefinition"
                + " shows to anyone allowed to read it; keep the secret in AWS Secrets Manager or"
                + " SSM Parameter Store and read it with the task role"
                + " (vk.provider.aws.task-role-arn)")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aProjectedSecretOrTokenIsRefusedAsASecretIs() {
    Volume secret =
        projectedConfigMap()
            .editProjected()
            .addNewSource()
            .withNewSecret()
            .withName("db")
            .endSecret()
            .endSource()
            .endProjected()
            .build();
    Volume token =
        new VolumeBuilder()
            .withName("bundle")
            .withNewProjected()
            .addNewSource()
            .withNewServiceAccountToken()
            .withAudience("vault")
            .withPath("token")
            .endServiceAccountToken()
            .endSource()
            .endProjected()
            .build();
    Pod app = pod(mounting(container("app"), "bundle", "/etc/bundle", true));
    assertThatThrownBy(() -> definitions.of(withVolumes(app, secret), PodVolumes.NONE))
        .hasMessageStartingWith(
            "volume bundle (projected, with a secret source) mounted by container app: the aws"
                + " provider does not write Secrets or service account tokens");
    assertThatThrownBy(() -> definitions.of(withVolumes(app, token), PodVolumes.NONE))
        .hasMessageStartingWith(
            "volume bundle (projected, with a serviceAccountToken source) mounted by container"
                + " app: the aws provider does not write Secrets or service account tokens");
  }

  @Test
  void filesTooLargeForTheTaskDefinitionAreRefusedWithTheSizeAndTheLimit() {
    Pod pod =
        withVolumes(
            pod(mounting(container("app"), "settings", "/etc/app", true)), configMap("settings"));
    PodVolumes large = volumes(file("settings", "big.json", "x".repeat(30_000), 0644));
    int size = VolumeFilesContainer.script(large.volumes()).getBytes(StandardCharsets.UTF_8).length;
    assertThat(size).isGreaterThan(VolumeFilesContainer.MAX_COMMAND_BYTES);
    assertThatThrownBy(() -> definitions.of(pod, large))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage(
            "the files of volume(s) settings make a command of "
                + size
                + " bytes for the container that writes them, more than the aws provider's limit"
                + " of 32768 bytes (ECS takes at most 64 KiB for a whole task definition)");
    assertThat(
            definitions
                .of(pod, volumes(file("settings", "big.json", "x".repeat(20_000), 0644)))
                .request()
                .containerDefinitions())
        .hasSize(2);
  }

  @Test
  void aPodWithoutMountedFileVolumesIsDefinedAsWithoutTheirFiles() {
    Pod pod =
        withVolumes(
            pod(mounting(container("app"), "scratch", "/data", false)),
            new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build(),
            configMap("unused"));
    PodVolumes files =
        new PodVolumes(
            List.of(
                new ResolvedVolume("scratch", VolumeKind.EMPTY_DIR, List.of()),
                new ResolvedVolume(
                    "unused",
                    VolumeKind.CONFIG_MAP,
                    List.of(new VolumeFile("k", bytes("v"), 0644)))));
    RegisterTaskDefinitionRequest with = definitions.of(pod, files).request();
    assertThat(with).isEqualTo(definitions.of(pod).request());
    assertThat(with.containerDefinitions())
        .extracting(ContainerDefinition::name)
        .containsExactly("app");
    assertThat(with.volumes()).extracting(v -> v.name()).containsExactly("scratch");
  }

  @Test
  void aContainerMayNotTakeTheWritersName() {
    Pod pod = pod(container(VolumeFilesContainer.NAME));
    assertThatThrownBy(() -> definitions.of(pod))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage("container name camelvk-volumes is the aws provider's own");
  }

  /** Volume bundle, projected from the ConfigMap app-settings. */
  private static VolumeBuilder projectedConfigMap() {
    return new VolumeBuilder()
        .withName("bundle")
        .withNewProjected()
        .addNewSource()
        .withNewConfigMap()
        .withName("app-settings")
        .endConfigMap()
        .endSource()
        .endProjected();
  }

  private static Volume configMap(String name) {
    return new VolumeBuilder()
        .withName(name)
        .withNewConfigMap()
        .withName("app-" + name)
        .endConfigMap()
        .build();
  }

  private static ResolvedVolume file(String volume, String path, String content, int mode) {
    return new ResolvedVolume(
        volume, VolumeKind.CONFIG_MAP, List.of(new VolumeFile(path, bytes(content), mode)));
  }

  private static PodVolumes volumes(ResolvedVolume... volumes) {
    return new PodVolumes(List.of(volumes));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static MountPoint mountPoint(String volume, String path, boolean readOnly) {
    return MountPoint.builder().sourceVolume(volume).containerPath(path).readOnly(readOnly).build();
  }

  private static ContainerDependency success(String name) {
    return ContainerDependency.builder()
        .containerName(name)
        .condition(ContainerCondition.SUCCESS)
        .build();
  }
}
