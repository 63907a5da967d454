package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.TestPods.container;
import static io.camelvk.providers.aws.task.TestPods.pod;
import static io.camelvk.providers.aws.task.TestPods.sidecar;
import static io.camelvk.providers.aws.task.TestPods.withInit;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class TaskStatusesTest {

  private static final String ARN = "arn:aws:ecs:eu-west-1:123456789012:task/pods/4f2a9c0d1e";
  private static final Instant STARTED = Instant.parse("2026-12-08T03:00:00.250Z");
  private static final Instant STOPPED = Instant.parse("2026-12-08T03:05:00Z");

  private final Pod pod = pod(container("app"));

  @ParameterizedTest
  @ValueSource(strings = {"PROVISIONING", "PENDING", "ACTIVATING"})
  void whileTheTaskStartsTheContainersWaitAndThePhaseIsLeftToTheCore(String lastStatus) {
    PodStatus status = TaskStatuses.of(pod, task(lastStatus).build());
    assertThat(status.getPhase()).isNull();
    ContainerStatus app = status.getContainerStatuses().getFirst();
    assertThat(app.getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
    assertThat(app.getState().getWaiting().getMessage()).isEqualTo("ECS task " + lastStatus);
    assertThat(app.getContainerID()).isNull();
    assertThat(app.getReady()).isFalse();
  }

  @Test
  void theWaitingMessageCarriesTheTasksStopCode() {
    Task task = task("PENDING").stopCode(TaskStopCode.TASK_FAILED_TO_START).build();
    assertThat(
            TaskStatuses.of(pod, task)
                .getContainerStatuses()
                .getFirst()
                .getState()
                .getWaiting()
                .getMessage())
        .isEqualTo("ECS task PENDING (TaskFailedToStart)");
  }

  @Test
  void aRunningContainerOfARunningTaskRunsSinceTheTaskStarted() {
    Task task =
        task("RUNNING")
            .containers(
                ecs("app", "RUNNING")
                    .runtimeId("4f2a9c0d1e-3300412795")
                    .image("busybox:1.37")
                    .imageDigest("sha256:abc123")
                    .build())
            .build();
    ContainerStatus app = TaskStatuses.of(pod, task).getContainerStatuses().getFirst();
    assertThat(app.getState().getRunning().getStartedAt()).isEqualTo("2026-12-08T03:00:00Z");
    assertThat(app)
        .extracting(
            ContainerStatus::getContainerID,
            ContainerStatus::getImage,
            ContainerStatus::getImageID,
            ContainerStatus::getRestartCount,
            ContainerStatus::getReady,
            ContainerStatus::getStarted)
        .containsExactly(
            "ecs://4f2a9c0d1e/4f2a9c0d1e-3300412795",
            "busybox:1.37",
            "busybox@sha256:abc123",
            0,
            true,
            true);
  }

  @Test
  void aContainerThatEndedWhileTheTaskRunsIsTerminatedWithItsExitCode() {
    Pod twoContainers = pod(container("app"), container("job"));
    Task task =
        task("RUNNING")
            .containers(
                ecs("app", "RUNNING").build(),
                ecs("job", "STOPPED").exitCode(3).reason("out of tokens").build())
            .build();
    PodStatus status = TaskStatuses.of(twoContainers, task);
    assertThat(status.getPhase()).isNull();
    ContainerStateTerminated job = status.getContainerStatuses().get(1).getState().getTerminated();
    assertThat(job.getExitCode()).isEqualTo(3);
    assertThat(job.getReason()).isEqualTo("Error");
    assertThat(job.getMessage()).isEqualTo("out of tokens");
    assertThat(status.getContainerStatuses().get(1).getContainerID())
        .isEqualTo("ecs://4f2a9c0d1e/job");
  }

  @Test
  void aContainerThatStoppedWithoutAnExitCodeCouldNotStart() {
    Task task =
        task("RUNNING")
            .containers(
                ecs("app", "STOPPED")
                    .reason("CannotPullContainerError: pull access denied")
                    .build())
            .build();
    ContainerStateTerminated app =
        TaskStatuses.of(pod, task).getContainerStatuses().getFirst().getState().getTerminated();
    assertThat(app.getExitCode()).isEqualTo(128);
    assertThat(app.getReason()).isEqualTo("StartError");
    assertThat(app.getMessage()).isEqualTo("CannotPullContainerError: pull access denied");
  }

  @Test
  void aRegularContainerOfARunningTaskRunsThoughEcsStillSaysPending() {
    Task task = task("RUNNING").containers(ecs("app", "PENDING").build()).build();
    ContainerStatus app = TaskStatuses.of(pod, task).getContainerStatuses().getFirst();
    assertThat(app.getState().getRunning()).isNotNull();
  }

  @Test
  void aRegularContainerWaitsWhileAnInitContainerHasNotCompleted() {
    Pod withInit = withInit(pod, container("migrate"));
    Task task =
        task("RUNNING")
            .containers(ecs("migrate", "RUNNING").build(), ecs("app", "PENDING").build())
            .build();
    ContainerStatus app = TaskStatuses.of(withInit, task).getContainerStatuses().getFirst();
    assertThat(app.getState().getWaiting().getReason()).isEqualTo("PodInitializing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PENDING", "RUNNING"})
  void aRegularContainerWaitsWhileTheVolumeFilesAreNotWritten(String writer) {
    PodStatus status = whileTheWriterIs(ecs(VolumeFilesContainer.NAME, writer).build());
    assertOnlyThePodsContainers(status);
    assertThat(status.getContainerStatuses().getFirst().getState().getWaiting().getReason())
        .isEqualTo("ContainerCreating");
  }

  @Test
  void aRegularContainerWaitsWhenTheVolumeFilesCouldNotBeWritten() {
    PodStatus status =
        whileTheWriterIs(ecs(VolumeFilesContainer.NAME, "STOPPED").exitCode(1).build());
    assertThat(status.getContainerStatuses().getFirst().getState().getWaiting()).isNotNull();
  }

  @Test
  void onceTheVolumeFilesAreWrittenARegularContainerRunsAndTheWriterIsNotShown() {
    Container written = ecs(VolumeFilesContainer.NAME, "STOPPED").exitCode(0).build();
    PodStatus status = whileTheWriterIs(written);
    assertOnlyThePodsContainers(status);
    assertThat(status.getContainerStatuses().getFirst().getState().getRunning()).isNotNull();

    PodStatus ended =
        TaskStatuses.of(pod, stopped(written, ecs("app", "STOPPED").exitCode(0).build()).build());
    assertThat(ended.getPhase()).isEqualTo("Succeeded");
    assertOnlyThePodsContainers(ended);
  }

  private PodStatus whileTheWriterIs(Container writer) {
    return TaskStatuses.of(
        pod, task("RUNNING").containers(writer, ecs("app", "PENDING").build()).build());
  }

  private static void assertOnlyThePodsContainers(PodStatus status) {
    assertThat(status.getContainerStatuses())
        .extracting(ContainerStatus::getName)
        .containsExactly("app");
    assertThat(status.getInitContainerStatuses()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEACTIVATING", "STOPPING", "DEPROVISIONING"})
  void aTaskBeingStoppedStillRuns(String lastStatus) {
    Task task = task(lastStatus).containers(ecs("app", "RUNNING").build()).build();
    PodStatus status = TaskStatuses.of(pod, task);
    assertThat(status.getPhase()).isNull();
    assertThat(status.getContainerStatuses().getFirst().getState().getRunning()).isNotNull();
  }

  @Test
  void aContainerStoppedWithoutAnExitCodeWhileTheTaskIsStoppedWasKilled() {
    Task task = task("STOPPING").containers(ecs("app", "STOPPED").build()).build();
    assertThat(
            TaskStatuses.of(pod, task)
                .getContainerStatuses()
                .getFirst()
                .getState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(137);
  }

  @Test
  void aStoppedTaskWhoseEssentialContainersExitedZeroSucceeded() {
    Task task =
        stopped(ecs("app", "STOPPED").exitCode(0).build())
            .stoppedReason("Essential container in task exited")
            .stopCode(TaskStopCode.ESSENTIAL_CONTAINER_EXITED)
            .build();
    PodStatus status = TaskStatuses.of(pod, task);
    assertThat(status.getPhase()).isEqualTo("Succeeded");
    assertThat(status.getReason()).isEqualTo("EssentialContainerExited");
    assertThat(status.getMessage()).isEqualTo("Essential container in task exited");
    ContainerStateTerminated app =
        status.getContainerStatuses().getFirst().getState().getTerminated();
    assertThat(app.getExitCode()).isZero();
    assertThat(app.getReason()).isEqualTo("Completed");
    assertThat(app.getStartedAt()).isEqualTo("2026-12-08T03:00:00Z");
    assertThat(app.getFinishedAt()).isEqualTo("2026-12-08T03:05:00Z");
    assertThat(status.getContainerStatuses().getFirst().getReady()).isFalse();
  }

  @Test
  void aStoppedTaskWithAFailedEssentialContainerFailed() {
    Pod twoContainers = pod(container("app"), container("job"));
    Task task =
        stopped(
                ecs("app", "STOPPED").exitCode(0).build(),
                ecs("job", "STOPPED").exitCode(1).build())
            .build();
    PodStatus status = TaskStatuses.of(twoContainers, task);
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getContainerStatuses().get(1).getState().getTerminated().getReason())
        .isEqualTo("Error");
  }

  @Test
  void aContainerWithoutExitCodeInAStoppedTaskWasKilled() {
    Task task =
        stopped(ecs("app", "STOPPED").build())
            .stoppedReason("Task stopped by user")
            .stopCode(TaskStopCode.USER_INITIATED)
            .build();
    PodStatus status = TaskStatuses.of(pod, task);
    assertThat(status)
        .extracting(PodStatus::getPhase, PodStatus::getReason)
        .containsExactly("Failed", "UserInitiated");
    assertThat(status.getContainerStatuses().getFirst().getState().getTerminated())
        .extracting(ContainerStateTerminated::getExitCode, ContainerStateTerminated::getReason)
        .containsExactly(137, "TaskStopped");
  }

  @Test
  void aSidecarThatWasStoppedDoesNotFailThePod() {
    Pod withMesh = withInit(pod, sidecar(container("mesh")));
    Task task =
        stopped(ecs("mesh", "STOPPED").build(), ecs("app", "STOPPED").exitCode(0).build()).build();
    PodStatus status = TaskStatuses.of(withMesh, task);
    assertThat(status.getPhase()).isEqualTo("Succeeded");
    assertThat(
            status.getInitContainerStatuses().getFirst().getState().getTerminated().getExitCode())
        .isEqualTo(137);
  }

  @Test
  void initContainersAreReportedApartAndACompletedOneIsReady() {
    Pod withInit = withInit(pod, container("migrate"));
    Task task =
        task("RUNNING")
            .containers(
                ecs("migrate", "STOPPED").exitCode(0).build(), ecs("app", "PENDING").build())
            .build();
    PodStatus status = TaskStatuses.of(withInit, task);
    ContainerStatus migrate = status.getInitContainerStatuses().getFirst();
    assertThat(migrate.getName()).isEqualTo("migrate");
    assertThat(migrate.getState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(migrate.getReady()).isTrue();
    ContainerStatus app = status.getContainerStatuses().getFirst();
    assertThat(app.getName()).isEqualTo("app");
    assertThat(app.getState().getRunning()).isNotNull();
  }

  @Test
  void aPodWhoseTaskVanishedFailedAndItsContainersAreUnknown() {
    PodStatus status = TaskStatuses.vanished(withInit(pod, container("migrate")), ARN);
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("TaskVanished");
    assertThat(status.getMessage())
        .isEqualTo("ECS task " + ARN + " no longer exists on the cluster");
    for (ContainerStatus container :
        java.util.List.of(
            status.getInitContainerStatuses().getFirst(),
            status.getContainerStatuses().getFirst())) {
      assertThat(container.getState().getTerminated().getExitCode()).isEqualTo(137);
      assertThat(container.getState().getTerminated().getReason())
          .isEqualTo("ContainerStatusUnknown");
    }
  }

  @Test
  void anImageIdIsTheRepositoryWithTheDigest() {
    assertThat(ContainerStatuses.imageId("registry:5000/team/app:1.2", "sha256:ff"))
        .isEqualTo("registry:5000/team/app@sha256:ff");
    assertThat(ContainerStatuses.imageId("registry:5000/app", "sha256:ff"))
        .isEqualTo("registry:5000/app@sha256:ff");
    assertThat(ContainerStatuses.imageId("app@sha256:00", "sha256:ff")).isEqualTo("app@sha256:ff");
  }

  private static Task.Builder task(String lastStatus) {
    return Task.builder().taskArn(ARN).lastStatus(lastStatus).startedAt(STARTED);
  }

  private static Task.Builder stopped(Container... containers) {
    return task("STOPPED").containers(containers).stoppedAt(STOPPED);
  }

  private static Container.Builder ecs(String name, String lastStatus) {
    return Container.builder().name(name).lastStatus(lastStatus);
  }
}
