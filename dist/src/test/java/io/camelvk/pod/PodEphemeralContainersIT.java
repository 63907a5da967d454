package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.DelegatingProvider;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** kubectl debug adds an ephemeral container: the mock runs it; a provider that cannot says so. */
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
