package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.TestPods.container;
import static io.camelvk.providers.aws.task.TestPods.pod;
import static io.camelvk.providers.aws.task.TestPods.sidecar;
import static io.camelvk.providers.aws.task.TestPods.withInit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.PodRefusedException;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

class TaskDefinitionsTest {

  private static final TaskDefinitionSettings SETTINGS =
      new TaskDefinitionSettings(
          "eu-west-1",
          "/camelvk/pods",
          "arn:aws:iam::123456789012:role/ecsTaskExecution",
          null,
          "public.ecr.aws/docker/library/busybox:stable");

  private final TaskDefinitions definitions = new TaskDefinitions(SETTINGS);

  @Test
  void aPodIsAnAwsvpcTaskOfItsFargateSizeWithTheRoles() {
    TaskDefinitions.PodTaskDefinition definition =
        definitions.of(pod(container("app", "300m", "600Mi", null, null)));
    RegisterTaskDefinitionRequest request = definition.request();
    assertThat(request.networkMode()).isEqualTo(NetworkMode.AWSVPC);
    assertThat(request.cpu()).isEqualTo("512");
    assertThat(request.memory()).isEqualTo("1024");
    assertThat(request.executionRoleArn())
        .isEqualTo("arn:aws:iam::123456789012:role/ecsTaskExecution");
    assertThat(request.taskRoleArn()).isNull();
    assertThat(request.hasRequiresCompatibilities()).isFalse();
    assertThat(definition.size().roundingMessage()).isPresent();
    assertThat(definition.family()).matches("camelvk-[0-9a-f]{16}");
  }

  @Test
  void aContainerKeepsItsImageCommandArgsEnvironmentDirectoryPortsAndResources() {
    Pod pod =
        pod(
            new ContainerBuilder(container("app", "250m", "100Mi", "1", "200Mi"))
                .withCommand("/bin/sh", "-c")
                .withArgs("echo $GREETING")
                .addNewEnv()
                .withName("GREETING")
                .withValue("hello")
                .endEnv()
                .addNewEnv()
                .withName("EMPTY")
                .endEnv()
                .withWorkingDir("/srv")
                .addNewPort()
                .withContainerPort(8080)
                .endPort()
                .addNewPort()
                .withContainerPort(53)
                .withProtocol("UDP")
                .endPort()
                .addNewPort()
                .withContainerPort(9899)
                .withProtocol("SCTP")
                .endPort()
                .build());
    ContainerDefinition app = definitions.of(pod).request().containerDefinitions().getFirst();
    assertThat(app.name()).isEqualTo("app");
    assertThat(app.image()).isEqualTo("busybox:1.37");
    assertThat(app.entryPoint()).containsExactly("/bin/sh", "-c");
    assertThat(app.command()).containsExactly("echo $GREETING");
    assertThat(app.environment())
        .containsExactly(
            KeyValuePair.builder().name("GREETING").value("hello").build(),
            KeyValuePair.builder().name("EMPTY").value("").build());
    assertThat(app.workingDirectory()).isEqualTo("/srv");
    assertThat(app.portMappings())
        .containsExactly(
            PortMapping.builder().containerPort(8080).protocol(TransportProtocol.TCP).build(),
            PortMapping.builder().containerPort(53).protocol(TransportProtocol.UDP).build());
    assertThat(app.essential()).isTrue();
    assertThat(app.cpu()).isEqualTo(256);
    assertThat(app.memoryReservation()).isEqualTo(100);
    assertThat(app.memory()).isEqualTo(200);
    assertThat(app.stopTimeout()).isEqualTo(30);
    assertThat(app.hasDependsOn()).isFalse();
  }

  @Test
  void aContainerWithoutCommandOrResourcesLeavesThemToTheImageAndSharesTheTasksMemory() {
    ContainerDefinition app =
        definitions.of(pod(container("app"))).request().containerDefinitions().getFirst();
    assertThat(app.hasEntryPoint() || app.hasCommand()).isFalse();
    assertThat(Arrays.asList(app.cpu(), app.memory(), app.workingDirectory())).containsOnlyNulls();
    assertThat(app.memoryReservation()).isEqualTo(512);
  }

  @Test
  void containersThatStateNoMemoryShareWhatTheOthersLeaveOfTheTaskAtLeastDockersLeast() {
    Pod pod = pod(container("app"), container("sidecar"));
    pod.getSpec()
        .getContainers()
        .getFirst()
        .setResources(
            new ResourceRequirementsBuilder().addToRequests("memory", new Quantity("1Gi")).build());
    List<ContainerDefinition> containers = definitions.of(pod).request().containerDefinitions();
    assertThat(containers)
        .extracting(ContainerDefinition::memoryReservation)
        .containsExactly(1024, 6);
  }

  @Test
  void initContainersReserveNothingSinceTheyEndBeforeTheOthersStart() {
    Pod pod =
        withInit(
            pod(container("app", "1", "1Gi", null, null)),
            container("migrate", "1", "1Gi", null, "1536Mi"),
            sidecar(container("mesh", "250m", "256Mi", null, null)));
    var request = definitions.of(pod).request();
    // app + mesh: 1250m, 1280Mi; migrate, before mesh starts: 1000m, 1536Mi.
    assertThat(request.cpu()).isEqualTo("2048");
    assertThat(request.memory()).isEqualTo("4096");
    ContainerDefinition migrate = request.containerDefinitions().get(0);
    assertThat(migrate.cpu()).isNull();
    assertThat(migrate.memoryReservation()).isNull();
    assertThat(migrate.memory()).isEqualTo(1536);
    ContainerDefinition mesh = request.containerDefinitions().get(1);
    assertThat(mesh.cpu()).isEqualTo(256);
    assertThat(mesh.memoryReservation()).isEqualTo(256);
  }

  @Test
  void containersLogToTheLogGroupInAStreamPerContainerAndTask() {
    ContainerDefinition app =
        definitions.of(pod(container("app"))).request().containerDefinitions().getFirst();
    assertThat(app.logConfiguration().logDriver()).isEqualTo(LogDriver.AWSLOGS);
    assertThat(app.logConfiguration().options())
        .isEqualTo(
            Map.of(
                "awslogs-group", "/camelvk/pods",
                "awslogs-region", "eu-west-1",
                "awslogs-stream-prefix", "camelvk"));
    assertThat(ContainerLogs.streamName("app", "0c1d2e3f4a5b"))
        .isEqualTo("camelvk/app/0c1d2e3f4a5b");
  }

  @Test
  void theStopTimeoutIsTheGracePeriodWithinTwoAndAHundredAndTwentySeconds() {
    assertThat(stopTimeout(45L)).isEqualTo(45);
    assertThat(stopTimeout(600L)).isEqualTo(120);
    assertThat(stopTimeout(0L)).isEqualTo(2);
    assertThat(stopTimeout(null)).isEqualTo(30);
  }

  @Test
  void initContainersRunOneAfterAnotherBeforeTheRegularOnesAndSidecarsNeedOnlyToStart() {
    Pod pod =
        withInit(
            pod(container("app"), container("worker")),
            container("migrate"),
            sidecar(container("mesh")),
            container("warm"));
    var containers = definitions.of(pod).request().containerDefinitions();
    assertThat(containers)
        .extracting(ContainerDefinition::name)
        .containsExactly("migrate", "mesh", "warm", "app", "worker");
    assertThat(containers)
        .extracting(ContainerDefinition::essential)
        .containsExactly(false, false, false, true, true);
    assertThat(containers.get(0).hasDependsOn()).isFalse();
    assertThat(containers.get(1).dependsOn()).containsExactly(success("migrate"));
    assertThat(containers.get(2).dependsOn()).containsExactly(start("mesh"));
    for (ContainerDefinition regular : containers.subList(3, 5)) {
      assertThat(regular.dependsOn())
          .containsExactly(success("migrate"), start("mesh"), success("warm"));
    }
  }

  @Test
  void podsWithTheSameSpecShareAFamilyWhateverTheirNamesAndUids() {
    Pod first = pod(container("app", "100m", "64Mi", null, null));
    Pod second =
        new PodBuilder(first)
            .editMetadata()
            .withName("web-2")
            .withNamespace("other")
            .withUid("9b0e6a8e-1111-4c6e-8a1f-5d2c3b4a5f60")
            .endMetadata()
            .build();
    Pod newImage =
        new PodBuilder(first)
            .editSpec()
            .editFirstContainer()
            .withImage("busybox:1.38")
            .endContainer()
            .endSpec()
            .build();
    String family = definitions.of(first).family();
    assertThat(definitions.of(second).family()).isEqualTo(family);
    assertThat(definitions.of(newImage).family()).isNotEqualTo(family);
  }

  @Test
  void theFamilyChangesWithTheSettingsToo() {
    Pod pod = pod(container("app"));
    TaskDefinitions otherRole =
        new TaskDefinitions(
            new TaskDefinitionSettings(
                "eu-west-1",
                "/camelvk/pods",
                SETTINGS.executionRoleArn(),
                "arn:aws:iam::1:role/x",
                SETTINGS.volumeImage()));
    assertThat(otherRole.of(pod).family()).isNotEqualTo(definitions.of(pod).family());
  }

  @Test
  void aPodNoFargateTaskHoldsIsRefused() {
    assertThatThrownBy(() -> definitions.of(pod(container("app", "32", "1Gi", null, null))))
        .isInstanceOf(PodRefusedException.class)
        .hasMessageStartingWith("the pod needs 32000m CPU and 1024Mi of memory");
  }

  private int stopTimeout(Long grace) {
    Pod pod =
        new PodBuilder(pod(container("app")))
            .editSpec()
            .withTerminationGracePeriodSeconds(grace)
            .endSpec()
            .build();
    return definitions.of(pod).request().containerDefinitions().getFirst().stopTimeout();
  }

  private static ContainerDependency success(String name) {
    return ContainerDependency.builder()
        .containerName(name)
        .condition(ContainerCondition.SUCCESS)
        .build();
  }

  private static ContainerDependency start(String name) {
    return ContainerDependency.builder()
        .containerName(name)
        .condition(ContainerCondition.START)
        .build();
  }
}
