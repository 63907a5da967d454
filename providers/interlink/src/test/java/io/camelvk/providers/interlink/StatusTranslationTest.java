package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.interlink.wire.RemotePodStatus;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTranslationTest {

  @Test
  void aPodWhoseContainersRunHasNoPhaseOfTheProvidersOwn() {
    PodStatus status = translate(List.of(), List.of(running("app")));

    assertThat(status.getPhase()).isNull();
    assertThat(status.getContainerStatuses())
        .extracting(ContainerStatus::getName)
        .containsExactly("app");
  }

  @Test
  void allContainersCompletedIsSucceeded() {
    PodStatus status =
        translate(List.of(exited("init", 0)), List.of(exited("a", 0), exited("b", 0)));

    assertThat(status.getPhase()).isEqualTo("Succeeded");
    assertThat(status.getReason()).isEqualTo("Completed");
    assertThat(status.getContainerStatuses())
        .extracting(c -> c.getState().getTerminated().getReason())
        .containsExactly("Completed", "Completed");
  }

  @Test
  void oneFailedContainerAmongTerminatedOnesFailsThePodWithItsExitCodeInTheReason() {
    PodStatus status = translate(List.of(), List.of(exited("a", 0), exited("b", 42)));

    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("Error: 42");
    assertThat(status.getContainerStatuses().get(1).getState().getTerminated().getReason())
        .isEqualTo("Error: 42");
  }

  @Test
  void aFailedContainerBesideARunningOneLeavesThePhaseToTheCore() {
    PodStatus status = translate(List.of(), List.of(running("a"), exited("b", 1)));

    assertThat(status.getPhase()).isNull();
  }

  @Test
  void aFailedInitContainerFailsThePodBeforeItsContainersRun() {
    PodStatus status = translate(List.of(exited("init", 3)), List.of());

    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("Error: 3");
    assertThat(status.getInitContainerStatuses().getFirst().getState().getTerminated().getReason())
        .isEqualTo("Error: 3");
  }

  private static PodStatus translate(List<ContainerStatus> init, List<ContainerStatus> regular) {
    return StatusTranslation.toPodStatus(
        new RemotePodStatus("p", "uid", "ns", "jid", regular, init));
  }

  private static ContainerStatus running(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2026-01-01T00:00:00Z")
        .endRunning()
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
        .endTerminated()
        .endState()
        .build();
  }
}
