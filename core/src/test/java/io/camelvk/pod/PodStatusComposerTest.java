package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camelvk.node.NodeSettings;
import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodStatusComposerTest {

  private static final String NODE_IP = "10.0.0.1";
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-01-01T00:01:00Z";

  private final MutableClock clock = new MutableClock(Instant.parse(T0));
  private final PodStatusComposer composer =
      new PodStatusComposer(
          new NodeSettings("vk", "linux", "mock", Optional.empty(), 10250, NODE_IP), clock);

  @Test
  void aPodWhoseContainersRunIsRunningAndReadyOnTheNodesAddressWhenTheProviderGivesNone() {
    PodStatus status = composer.running(pod().build(), reported(running("app")).build());

    assertThat(status.getPhase()).isEqualTo("Running");
    assertThat(status.getPodIP()).isEqualTo(NODE_IP);
    assertThat(status.getPodIPs()).containsExactly(new PodIP(NODE_IP));
    assertThat(status.getHostIP()).isEqualTo(NODE_IP);
    assertThat(status.getHostIPs()).containsExactly(new HostIP(NODE_IP));
    assertThat(status.getStartTime()).isEqualTo(T0);
    assertThat(status.getConditions())
        .extracting(PodCondition::getType, PodCondition::getStatus)
        .containsExactly(
            tuple("PodScheduled", "True"),
            tuple("PodReadyToStartContainers", "True"),
            tuple("Initialized", "True"),
            tuple("ContainersReady", "True"),
            tuple("Ready", "True"));
    ContainerStatus app = status.getContainerStatuses().getFirst();
    assertThat(app.getImage()).isEqualTo("busybox");
    assertThat(app.getImageID()).isEmpty();
    assertThat(app.getRestartCount()).isZero();
    assertThat(app.getReady()).isTrue();
  }

  @Test
  void aRunningContainerTheProviderReportsNotReadyMakesThePodNotReady() {
    ContainerStatus unready = new ContainerStatusBuilder(running("app")).withReady(false).build();

    PodStatus status = composer.running(pod().build(), reported(unready).build());

    assertThat(status.getPhase()).isEqualTo("Running");
    assertThat(status.getConditions())
        .filteredOn(c -> c.getType().endsWith("Ready") && !c.getType().startsWith("Pod"))
        .extracting(PodCondition::getType, PodCondition::getStatus, PodCondition::getReason)
        .containsExactly(
            tuple("ContainersReady", "False", "ContainersNotReady"),
            tuple("Ready", "False", "ContainersNotReady"));
    assertThat(status.getContainerStatuses().getFirst().getReady()).isFalse();
  }

  @Test
  void theProvidersPhaseReasonAddressAndStartTimeWin() {
    PodStatus reported =
        reported(running("app"))
            .withPhase("Failed")
            .withReason("Evicted")
            .withMessage("the backend went away")
            .withPodIP("192.0.2.7")
            .withStartTime(T1)
            .build();

    PodStatus status = composer.running(pod().build(), reported);

    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("Evicted");
    assertThat(status.getMessage()).isEqualTo("the backend went away");
    assertThat(status.getPodIP()).isEqualTo("192.0.2.7");
    assertThat(status.getStartTime()).isEqualTo(T1);
    assertThat(status.getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .extracting(PodCondition::getStatus, PodCondition::getReason)
        .containsExactly(tuple("False", "PodCompleted"));
  }

  @Test
  void timesTheProviderGivesWithAFractionAreWrittenInWholeSecondsAsTheApiServerKeepsThem() {
    ContainerStatus app =
        new ContainerStatusBuilder(running("app"))
            .editState()
            .editRunning()
            .withStartedAt("2026-01-01T00:00:07.123456789Z")
            .endRunning()
            .endState()
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(1)
            .withStartedAt("2026-01-01T00:00:01.5Z")
            .withFinishedAt("2026-01-01T00:00:05.999Z")
            .endTerminated()
            .endLastState()
            .build();
    PodStatus reported = reported(app).withStartTime("2026-01-01T00:00:03.250Z").build();

    PodStatus status = composer.running(pod().build(), reported);

    assertThat(status.getStartTime()).isEqualTo("2026-01-01T00:00:03Z");
    ContainerStatus written = status.getContainerStatuses().getFirst();
    assertThat(written.getState().getRunning().getStartedAt()).isEqualTo("2026-01-01T00:00:07Z");
    assertThat(written.getLastState().getTerminated().getStartedAt())
        .isEqualTo("2026-01-01T00:00:01Z");
    assertThat(written.getLastState().getTerminated().getFinishedAt())
        .isEqualTo("2026-01-01T00:00:05Z");
  }

  @Test
  void containersNotReportedYetAreCreatingOrWaitForTheInitContainers() {
    Pod pod =
        pod()
            .editSpec()
            .addNewInitContainer()
            .withName("init")
            .endInitContainer()
            .endSpec()
            .build();

    PodStatus status = composer.running(pod, new PodStatus());

    assertThat(status.getPhase()).isEqualTo("Pending");
    assertThat(status.getInitContainerStatuses().getFirst().getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(status.getContainerStatuses().getFirst().getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(status.getConditions())
        .filteredOn(c -> c.getType().equals("Initialized"))
        .extracting(PodCondition::getStatus, PodCondition::getMessage)
        .containsExactly(tuple("False", "containers with incomplete status: [init]"));
  }

  @Test
  void theStartTimeTheApiServerHasAndUnchangedTransitionTimesAreKept() {
    Pod before =
        pod().withStatus(composer.running(pod().build(), reported(running("app")).build())).build();
    before.getStatus().setQosClass("BestEffort");
    clock.advance(Duration.ofMinutes(1));

    PodStatus after = composer.running(before, reported(running("app")).withStartTime(T1).build());

    assertThat(after.getStartTime()).isEqualTo(T0);
    assertThat(after.getQosClass()).isEqualTo("BestEffort");
    assertThat(after.getConditions())
        .extracting(PodCondition::getLastTransitionTime)
        .containsOnly(T0);

    PodStatus lost = composer.running(before, new PodStatus());
    assertThat(lost.getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .extracting(PodCondition::getStatus, PodCondition::getLastTransitionTime)
        .containsExactly(tuple("False", T1));
  }

  @Test
  void theStatusAndItsConditionsObserveThePodsGenerationButNeverGoBack() {
    Pod pod = pod().editMetadata().withGeneration(3L).endMetadata().build();

    PodStatus status = composer.running(pod, reported(running("app")).build());

    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getConditions())
        .extracting(PodCondition::getObservedGeneration)
        .containsOnly(3L);
    Pod stale =
        new PodBuilder(pod)
            .withStatus(new PodStatusBuilder(status).withObservedGeneration(4L).build())
            .build();
    assertThat(composer.running(stale, reported(running("app")).build()).getObservedGeneration())
        .isEqualTo(4L);
    assertThat(composer.stopped(stale, null).getObservedGeneration()).isEqualTo(4L);
    assertThat(composer.waiting(pod, "Blocked", "why").getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  void aPodThatCannotStartIsPendingWithEveryContainerWaitingForTheReason() {
    Pod pod = pod().withStatus(new PodStatusBuilder().withReason("Old").build()).build();

    PodStatus status =
        composer.waiting(pod, "CreateContainerConfigError", "configmap \"settings\" not found");

    assertThat(status.getPhase()).isEqualTo("Pending");
    assertThat(status.getReason()).isNull();
    assertThat(status.getStartTime()).isEqualTo(T0);
    assertThat(status.getContainerStatuses().getFirst().getState().getWaiting())
        .satisfies(
            w -> {
              assertThat(w.getReason()).isEqualTo("CreateContainerConfigError");
              assertThat(w.getMessage()).isEqualTo("configmap \"settings\" not found");
            });
    assertThat(status.getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .extracting(PodCondition::getStatus, PodCondition::getMessage)
        .containsExactly(tuple("False", "containers with unready status: [app]"));
  }

  @Test
  void aFailedPodHasItsReasonAndItsRunningContainersTerminated() {
    Pod pod = pod().withStatus(reported(running("app")).build()).build();
    clock.advance(Duration.ofMinutes(1));

    PodStatus status = composer.failed(pod, "DeadlineExceeded", ActiveDeadlines.DEADLINE_MESSAGE);

    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("DeadlineExceeded");
    assertThat(status.getMessage()).isEqualTo(ActiveDeadlines.DEADLINE_MESSAGE);
    assertThat(status.getContainerStatuses().getFirst().getState().getTerminated())
        .satisfies(
            t -> {
              assertThat(t.getExitCode()).isZero();
              assertThat(t.getReason()).isEqualTo("DeadlineExceeded");
              assertThat(t.getStartedAt()).isEqualTo(T0);
              assertThat(t.getFinishedAt()).isEqualTo(T1);
            });
    assertThat(status.getContainerStatuses().getFirst().getReady()).isFalse();
  }

  @Test
  void aStoppedPodHasItsContainersCompletedAndItsPhaseFromThem() {
    Pod job =
        pod()
            .editSpec()
            .withRestartPolicy("Never")
            .endSpec()
            .withStatus(reported(running("app")).withPhase("Running").build())
            .build();

    PodStatus status = composer.stopped(job, null);

    assertThat(status.getPhase()).isEqualTo("Succeeded");
    assertThat(status.getContainerStatuses().getFirst().getState().getTerminated().getReason())
        .isEqualTo("Completed");
    Pod failed = new PodBuilder(job).editStatus().withPhase("Failed").endStatus().build();
    assertThat(composer.stopped(failed, null).getPhase()).isEqualTo("Failed");
  }

  @Test
  void aStoppedPodKeepsTheExitCodesItsProviderReportedAndNeverStartedContainersWaiting() {
    Pod pod =
        pod()
            .editSpec()
            .addNewContainer()
            .withName("late")
            .endContainer()
            .endSpec()
            .withStatus(reported(running("app")).addToContainerStatuses(waiting("late")).build())
            .build();
    PodStatus killed =
        reported(
                new ContainerStatusBuilder()
                    .withName("app")
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(137)
                    .withReason("Error")
                    .endTerminated()
                    .endState()
                    .build())
            .build();
    clock.advance(Duration.ofMinutes(1));

    PodStatus status = composer.stopped(pod, killed);

    assertThat(status.getContainerStatuses().get(0).getState().getTerminated())
        .satisfies(
            t -> {
              assertThat(t.getExitCode()).isEqualTo(137);
              assertThat(t.getReason()).isEqualTo("Error");
              assertThat(t.getStartedAt()).isEqualTo(T0);
              assertThat(t.getFinishedAt()).isEqualTo(T1);
            });
    assertThat(status.getContainerStatuses().get(1).getState().getWaiting().getReason())
        .isEqualTo("ContainerCreating");
  }

  private static ContainerStatus waiting(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewWaiting()
        .withReason("ContainerCreating")
        .endWaiting()
        .endState()
        .build();
  }

  private static PodBuilder pod() {
    return TestPods.named("ns", "web", "u1");
  }

  private static PodStatusBuilder reported(ContainerStatus container) {
    return new PodStatusBuilder().withContainerStatuses(container);
  }

  private static ContainerStatus running(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewRunning()
        .withStartedAt(T0)
        .endRunning()
        .endState()
        .build();
  }
}
