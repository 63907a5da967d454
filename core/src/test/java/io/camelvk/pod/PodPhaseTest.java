package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodPhaseTest {

  @ParameterizedTest
  @CsvSource({
    "Always, running, running, Running",
    "Always, exited0, exited0, Running",
    "OnFailure, exited0, exited0, Succeeded",
    "OnFailure, exited0, exited1, Running",
    "Never, exited0, exited1, Failed",
    "Never, exited0, exited0, Succeeded",
    "Never, running, exited1, Running",
    "Always, waiting, running, Pending",
    "Always, backoff, running, Running",
    "Always, none, running, Pending"
  })
  void phaseFollowsTheKubeletsRules(
      String restartPolicy, String first, String second, String phase) {
    Pod pod = pod(restartPolicy, 0);
    assertThat(
            PodPhase.of(pod, List.of(), List.of(status("a", first), status("b", second)))
                .replace("null", ""))
        .isEqualTo(phase);
  }

  @Test
  void initContainersGateThePhase() {
    Pod pod = pod("Never", 1);
    assertThat(PodPhase.of(pod, List.of(status("init", "running")), List.of()))
        .isEqualTo("Pending");
    assertThat(PodPhase.of(pod, List.of(status("init", "exited1")), List.of())).isEqualTo("Failed");
    assertThat(
            PodPhase.of(
                pod(" OnFailure".strip(), 1), List.of(status("init", "exited1")), List.of()))
        .isEqualTo("Pending");
    assertThat(
            PodPhase.of(
                pod,
                List.of(status("init", "exited0")),
                List.of(status("a", "running"), status("b", "running"))))
        .isEqualTo("Running");
  }

  private static Pod pod(String restartPolicy, int initContainers) {
    var spec =
        new PodBuilder()
            .withNewSpec()
            .withRestartPolicy(restartPolicy)
            .addNewContainer()
            .withName("a")
            .endContainer()
            .addNewContainer()
            .withName("b")
            .endContainer();
    if (initContainers > 0) {
      spec.addNewInitContainer().withName("init").endInitContainer();
    }
    return spec.endSpec().build();
  }

  private static ContainerStatus status(String name, String state) {
    var builder = new ContainerStatusBuilder().withName(name);
    return switch (state) {
      case "none" -> builder.withName("other").build();
      case "running" -> builder.withNewState().withNewRunning().endRunning().endState().build();
      case "waiting" ->
          builder
              .withNewState()
              .withNewWaiting()
              .withReason("ContainerCreating")
              .endWaiting()
              .endState()
              .build();
      case "backoff" ->
          builder
              .withNewState()
              .withNewWaiting()
              .withReason("CrashLoopBackOff")
              .endWaiting()
              .endState()
              .withNewLastState()
              .withNewTerminated()
              .withExitCode(1)
              .endTerminated()
              .endLastState()
              .build();
      case "exited0" ->
          builder
              .withNewState()
              .withNewTerminated()
              .withExitCode(0)
              .endTerminated()
              .endState()
              .build();
      default ->
          builder
              .withNewState()
              .withNewTerminated()
              .withExitCode(1)
              .endTerminated()
              .endState()
              .build();
    };
  }
}
