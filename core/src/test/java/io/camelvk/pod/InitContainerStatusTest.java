package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camelvk.node.NodeSettings;
import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The phase and conditions of pods with init containers and sidecars, as the kubelet has them. */
class InitContainerStatusTest {

  private static final String T0 = "2026-01-01T00:00:00Z";

  private final PodStatusComposer composer =
      new PodStatusComposer(
          new NodeSettings("vk", "linux", "mock", Optional.empty(), 10250, "10.0.0.1"),
          new MutableClock(Instant.parse(T0)));

  @Test
  void aPodWhoseSecondInitContainerRunsIsPendingAndNotInitializedNamingIt() {
    Pod pod = pod("Always", init("init-a"), init("init-b"), init("init-c"));

    PodStatus status =
        composer.running(
            pod, reported(List.of(exited("init-a", 0), running("init-b")), waiting("app")));

    assertThat(status.getPhase()).isEqualTo(PodPhase.PENDING);
    assertThat(condition(status, "Initialized"))
        .isEqualTo(
            tuple(
                "False",
                "ContainersNotInitialized",
                "containers with incomplete status: [init-b init-c]"));
    assertThat(status.getInitContainerStatuses().get(2).getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(condition(status, "Ready"))
        .isEqualTo(tuple("False", "ContainersNotReady", "containers with unready status: [app]"));
  }

  @Test
  void aFailedInitContainerFailsAPodThatNeverRestartsAndKeepsOneThatDoesPending() {
    ContainerStatus failed = exited("init-a", 1);

    assertThat(
            composer
                .running(pod("Never", init("init-a")), reported(List.of(failed), waiting("app")))
                .getPhase())
        .isEqualTo(PodPhase.FAILED);
    assertThat(
            composer
                .running(
                    pod("OnFailure", init("init-a")), reported(List.of(failed), waiting("app")))
                .getPhase())
        .isEqualTo(PodPhase.PENDING);
  }

  @Test
  void aSidecarThatHasNotStartedKeepsThePodUninitializedAndOneThatRunsMustBeReady() {
    Pod pod = pod("Always", sidecar("proxy"));

    PodStatus before = composer.running(pod, reported(List.of(waiting("proxy")), waiting("app")));
    assertThat(condition(before, "Initialized"))
        .isEqualTo(
            tuple(
                "False", "ContainersNotInitialized", "containers with incomplete status: [proxy]"));

    ContainerStatus unready = new ContainerStatusBuilder(running("proxy")).withReady(false).build();
    PodStatus after = composer.running(pod, reported(List.of(unready), running("app")));
    assertThat(after.getPhase()).isEqualTo(PodPhase.RUNNING);
    assertThat(condition(after, "Initialized")).isEqualTo(tuple("True", null, null));
    assertThat(condition(after, "ContainersReady"))
        .isEqualTo(tuple("False", "ContainersNotReady", "containers with unready status: [proxy]"));
  }

  @Test
  void aJobWhoseMainContainerCompletedSucceedsWhileItsSidecarStillRuns() {
    Pod pod = pod("Never", sidecar("proxy"));

    PodStatus status = composer.running(pod, reported(List.of(running("proxy")), exited("app", 0)));

    assertThat(status.getPhase()).isEqualTo(PodPhase.SUCCEEDED);
    assertThat(condition(status, "Initialized")).isEqualTo(tuple("True", null, null));
    assertThat(condition(status, "Ready")).isEqualTo(tuple("False", "PodCompleted", null));
  }

  @Test
  void aPodWhoseRegularContainersRanIsNotPendingAgainWhenAnInitContainerRestarts() {
    Pod pod = pod("Always", init("init-a"));

    PodStatus status = composer.running(pod, reported(List.of(waiting("init-a")), running("app")));

    assertThat(status.getPhase()).isEqualTo(PodPhase.RUNNING);
    assertThat(condition(status, "Initialized")).isEqualTo(tuple("True", null, null));
  }

  private static Pod pod(String restartPolicy, Container... init) {
    return new PodBuilder(TestPods.named("ns", "web", "u1").build())
        .editSpec()
        .withRestartPolicy(restartPolicy)
        .withInitContainers(init)
        .endSpec()
        .build();
  }

  private static Container init(String name) {
    return new ContainerBuilder().withName(name).withImage("busybox").build();
  }

  private static Container sidecar(String name) {
    return new ContainerBuilder(init(name)).withRestartPolicy("Always").build();
  }

  private static PodStatus reported(List<ContainerStatus> init, ContainerStatus app) {
    return new PodStatusBuilder()
        .withInitContainerStatuses(init)
        .withContainerStatuses(app)
        .build();
  }

  private static Tuple condition(PodStatus status, String type) {
    PodCondition condition =
        status.getConditions().stream()
            .filter(c -> c.getType().equals(type))
            .findFirst()
            .orElseThrow();
    return tuple(condition.getStatus(), condition.getReason(), condition.getMessage());
  }

  private static ContainerStatus running(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(true)
        .withStarted(true)
        .withNewState()
        .withNewRunning()
        .withStartedAt(T0)
        .endRunning()
        .endState()
        .build();
  }

  private static ContainerStatus waiting(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewWaiting()
        .withReason("PodInitializing")
        .endWaiting()
        .endState()
        .build();
  }

  private static ContainerStatus exited(String name, int code) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewTerminated()
        .withExitCode(code)
        .withReason(code == 0 ? "Completed" : "Error")
        .withStartedAt(T0)
        .withFinishedAt(T0)
        .endTerminated()
        .endState()
        .build();
  }
}
