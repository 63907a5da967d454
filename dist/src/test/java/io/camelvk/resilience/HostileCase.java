package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * One hostile pod: how it is built from a plain pod bound to the node, and what the kubelet must
 * say about it (a status and an event on that very pod).
 */
record HostileCase(
    String description, String podName, UnaryOperator<PodBuilder> shape, Expectation expected) {

  @Override
  public String toString() {
    return description;
  }

  /** A check on the pod and its events; fails with an AssertionError until it holds. */
  record Expectation(String description, BiConsumer<Pod, TestCluster> check) {

    /** Phase Failed with this reason, a message and a Warning event of the same reason. */
    static Expectation failed(String reason, String messagePart) {
      return new Expectation(
          "Failed " + reason,
          (pod, cluster) -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
            assertThat(pod.getStatus().getReason()).isEqualTo(reason);
            assertThat(pod.getStatus().getMessage()).contains(messagePart);
            assertWarning(pod, cluster, reason);
          });
    }

    /** Pending, the containers waiting with CreateContainerConfigError, and an event. */
    static Expectation blocked(String eventReason, String messagePart) {
      return new Expectation(
          "CreateContainerConfigError",
          (pod, cluster) -> {
            ContainerStatus app = pod.getStatus().getContainerStatuses().getFirst();
            assertThat(app.getState().getWaiting().getReason())
                .isEqualTo("CreateContainerConfigError");
            assertThat(app.getState().getWaiting().getMessage()).contains(messagePart);
            assertWarning(pod, cluster, eventReason);
          });
    }

    /** An image the kubelet would not pull: waiting in InvalidImageName, an InspectFailed event. */
    static Expectation invalidImage(String messagePart) {
      return new Expectation(
          "InvalidImageName",
          (pod, cluster) -> {
            ContainerStatus app = pod.getStatus().getContainerStatuses().getFirst();
            assertThat(app.getState().getWaiting().getReason()).isEqualTo("InvalidImageName");
            assertThat(app.getState().getWaiting().getMessage()).contains(messagePart);
            assertWarning(pod, cluster, "InspectFailed");
          });
    }

    /** Harmless however odd: Running and Ready. */
    static Expectation running() {
      return new Expectation(
          "Running", (pod, cluster) -> assertThat(TestPods.isRunningAndReady(pod)).isTrue());
    }

    /** Running, with an event that points out the odd part. */
    static Expectation runningWithEvent(String eventReason) {
      return new Expectation(
          "Running with " + eventReason,
          (pod, cluster) -> {
            assertThat(TestPods.isRunningAndReady(pod)).isTrue();
            assertThat(cluster.eventsAbout(pod.getMetadata().getName()))
                .anyMatch(e -> eventReason.equals(e.getReason()));
          });
    }

    /** Still creating its containers (a start delay of centuries). */
    static Expectation creating() {
      return new Expectation(
          "ContainerCreating",
          (pod, cluster) ->
              assertThat(
                      pod.getStatus()
                          .getContainerStatuses()
                          .getFirst()
                          .getState()
                          .getWaiting()
                          .getReason())
                  .isEqualTo("ContainerCreating"));
    }

    private static void assertWarning(Pod pod, TestCluster cluster, String reason) {
      assertThat(cluster.eventsAbout(pod.getMetadata().getName()))
          .anyMatch(
              e ->
                  reason.equals(e.getReason())
                      && "Warning".equals(e.getType())
                      && pod.getMetadata().getUid().equals(e.getInvolvedObject().getUid()));
    }
  }
}
