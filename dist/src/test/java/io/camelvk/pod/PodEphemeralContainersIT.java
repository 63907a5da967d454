package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.DelegatingProvider;
import io.camelvk.test.Kubectl;
import io.camelvk.test.PseudoTerminal;
import io.camelvk.test.PseudoTerminal.Step;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kubectl debug adds an ephemeral container: the mock runs it, and {@code kubectl debug -it}
 * attaches to its shell; a provider that cannot says so.
 */
@WithControlPlane
class PodEphemeralContainersIT {

  @Test
  void theMockRunsAnEphemeralContainerWhoseLogKubectlShows(TestCluster cluster) {
    String node = "debug-" + cluster.namespace();
    RunningKubelet kubelet = RunningKubelet.start(cluster, node);
    try {
      cluster.runPod(node, "debugged", Duration.ofSeconds(30));

      debug(cluster, "debugged");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> ephemeral(cluster.pod("debugged")),
              c -> c != null && c.getState().getRunning() != null);
      assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "debugged", "-c", "debugger"))
          .isEqualTo("debugging\n");
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void kubectlDebugAttachesToTheEphemeralContainersShellOnATerminal(TestCluster cluster) {
    String node = "debug-it-" + cluster.namespace();
    RunningKubelet kubelet = RunningKubelet.start(cluster, node);
    try {
      cluster.runPod(node, "attached", Duration.ofSeconds(30));
      Kubectl kubectl = Kubectl.of(cluster);
      List<String> debug =
          kubectl.command(
              "debug",
              "-it",
              "-n",
              cluster.namespace(),
              "attached",
              "--image=busybox",
              "-c",
              "debugger",
              "--",
              "sh");

      Kubectl.Result result =
          kubectl.run(
              PseudoTerminal.converse(
                  List.of(new Step("", "echo hi\r"), new Step("\r\nhi\r\n", "exit\r")), debug),
              null,
              Kubectl.DEFAULT_TIMEOUT);

      assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
      assertThat(result.stdout()).contains("echo hi\r\nhi\r\n");
      ContainerStatus debugger =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> ephemeral(cluster.pod("attached")),
                  c -> c != null && c.getState().getTerminated() != null);
      assertThat(debugger.getState().getTerminated().getExitCode()).isZero();
      assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "attached", "-c", "debugger"))
          .isEqualTo("hi\n");
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void anEphemeralContainerTheProviderCannotRunWaitsWithAWarning(TestCluster cluster) {
    String node = "no-debug-" + cluster.namespace();
    var settings = RunningKubelet.settings(cluster, node);
    RunningKubelet kubelet =
        RunningKubelet.start(
            cluster, settings, new DelegatingProvider(RunningKubelet.defaultProvider(settings)));
    try {
      cluster.runPod(node, "not-debugged", Duration.ofSeconds(30));

      debug(cluster, "not-debugged");

      ContainerStatus debugger =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> ephemeral(cluster.pod("not-debugged")),
                  c -> c != null && c.getState().getWaiting() != null);
      assertThat(debugger.getState().getWaiting().getReason()).isEqualTo("CreateContainerError");
      assertThat(debugger.getState().getWaiting().getMessage())
          .isEqualTo("provider mock cannot run ephemeral containers");
      assertThat(TestPods.isRunningAndReady(cluster.pod("not-debugged"))).isTrue();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  cluster.eventsAbout("not-debugged").stream()
                      .anyMatch(
                          e ->
                              e.getReason().equals("Failed")
                                  && "spec.ephemeralContainers{debugger}"
                                      .equals(e.getInvolvedObject().getFieldPath())
                                  && e.getMessage()
                                      .equals(
                                          "Error: provider mock cannot run ephemeral containers")));
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  private static void debug(TestCluster cluster, String pod) {
    cluster.kubectl(
        "debug",
        "-n",
        cluster.namespace(),
        "pod/" + pod,
        "--image=busybox",
        "-c",
        "debugger",
        "--",
        "sh",
        "-c",
        "echo debugging; sleep 1000");
  }

  private static ContainerStatus ephemeral(Pod pod) {
    if (pod == null || pod.getStatus() == null) {
      return null;
    }
    return pod.getStatus().getEphemeralContainerStatuses().stream()
        .filter(c -> c.getName().equals("debugger"))
        .findFirst()
        .orElse(null);
  }
}
