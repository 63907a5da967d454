package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kubectl debug adds an ephemeral container: a provider that cannot run one says so. */
@WithVirtualKubelet
class PodEphemeralContainersIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void anEphemeralContainerTheProviderCannotRunWaitsWithAWarning(TestCluster cluster) {
    cluster.runPod(kubelet.nodeName(), "debugged", Duration.ofSeconds(30));

    cluster.kubectl(
        "debug",
        "-n",
        cluster.namespace(),
        "pod/debugged",
        "--image=busybox",
        "-c",
        "debugger",
        "--",
        "sleep",
        "1000");

    ContainerStatus debugger =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> ephemeral(cluster.pod("debugged")),
                c -> c != null && c.getState().getWaiting() != null);
    assertThat(debugger.getState().getWaiting().getReason()).isEqualTo("CreateContainerError");
    assertThat(debugger.getState().getWaiting().getMessage())
        .isEqualTo("provider mock cannot run ephemeral containers");
    assertThat(TestPods.isRunningAndReady(cluster.pod("debugged"))).isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster.eventsAbout("debugged").stream()
                    .anyMatch(
                        e ->
                            e.getReason().equals("Failed")
                                && "spec.ephemeralContainers{debugger}"
                                    .equals(e.getInvolvedObject().getFieldPath())
                                && e.getMessage()
                                    .equals(
                                        "Error: provider mock cannot run ephemeral containers")));
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
