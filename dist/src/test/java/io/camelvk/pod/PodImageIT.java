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

/** Images as the kubelet treats them: an invalid reference never starts, a new one restarts. */
@WithVirtualKubelet
class PodImageIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void anInvalidImageWaitsInInvalidImageNameUntilKubectlSetImageFixesIt(TestCluster cluster) {
    Pod created =
        cluster.create(
            TestPods.boundTo(kubelet.nodeName(), "bad-image")
                .editSpec()
                .editFirstContainer()
                .withImage("Busybox:1.36")
                .endContainer()
                .endSpec()
                .build());

    ContainerStatus waiting =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> app(cluster.pod("bad-image")),
                c ->
                    c != null
                        && c.getState().getWaiting() != null
                        && "InvalidImageName".equals(c.getState().getWaiting().getReason()));
    assertThat(waiting.getState().getWaiting().getMessage())
        .isEqualTo(
            "Failed to apply default image tag \"Busybox:1.36\": couldn't parse image name"
                + " \"Busybox:1.36\": invalid reference format: repository name"
                + " (library/Busybox) must be lowercase");
    assertThat(cluster.pod("bad-image").getStatus().getPhase()).isEqualTo("Pending");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster.eventsAbout("bad-image").stream()
                    .anyMatch(
                        e ->
                            e.getReason().equals("InspectFailed")
                                && e.getType().equals("Warning")
                                && "spec.containers{app}"
                                    .equals(e.getInvolvedObject().getFieldPath())));
    assertThat(kubelet.providerCalls().count("create", created.getMetadata().getUid(), null))
        .isZero();

    cluster.kubectl("set", "image", "-n", cluster.namespace(), "pod/bad-image", "app=busybox:1.36");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("bad-image")));
  }

  @Test
  void kubectlSetImageRestartsTheContainerWithTheKubeletsCountsAndEvents(TestCluster cluster) {
    cluster.runPod(kubelet.nodeName(), "new-image", Duration.ofSeconds(30));

    cluster.kubectl("set", "image", "-n", cluster.namespace(), "pod/new-image", "app=busybox:1.37");

    ContainerStatus restarted =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> app(cluster.pod("new-image")),
                c -> c != null && c.getRestartCount() == 1 && c.getState().getRunning() != null);
    assertThat(restarted.getImage()).isEqualTo("busybox:1.37");
    assertThat(restarted.getImageID()).isEqualTo("mock://busybox:1.37");
    assertThat(restarted.getLastState().getTerminated()).isNotNull();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var events = cluster.eventsAbout("new-image");
              assertThat(events)
                  .anySatisfy(
                      e -> {
                        assertThat(e.getReason()).isEqualTo("Killing");
                        assertThat(e.getMessage())
                            .isEqualTo("Container app definition changed, will be restarted");
                      });
              assertThat(events)
                  .filteredOn(e -> e.getReason().equals("Started"))
                  .extracting(e -> e.getCount() == null ? 1 : e.getCount())
                  .containsExactly(2);
            });
  }

  private static ContainerStatus app(Pod pod) {
    if (pod == null || pod.getStatus() == null) {
      return null;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> c.getName().equals("app"))
        .findFirst()
        .orElse(null);
  }
}
