package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.InPlaceResize;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.DelegatingProvider;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * In-place resize (the pod's resize subresource): applied by a provider that can (the mock),
 * without a restart, with the kubelet's PodResizeInProgress condition until the container reports
 * the new resources (reason Error while it fails to); pending as Infeasible, with the kubelet's
 * condition, on one that cannot. Each step has the kubelet's event, once.
 */
@WithControlPlane
class PodResizeIT {

  private static final String IN_PROGRESS = "PodResizeInProgress";
  private static final String PENDING = "PodResizePending";

  /** The resources after the resize, as the kubelet's resize events show them. */
  private static final String RESIZED_TO =
      "{\"containers\":[{\"name\":\"app\",\"resources\":{\"limits\":{\"cpu\":\"300m\"},"
          + "\"requests\":{\"cpu\":\"150m\"}}}],\"generation\":2}";

  private static final String RESIZE =
      "{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":"
          + "{\"requests\":{\"cpu\":\"150m\"},\"limits\":{\"cpu\":\"300m\"}}}]}}";

  @Test
  void aProviderThatResizesInPlaceAppliesTheNewResourcesWithoutARestart(TestCluster cluster) {
    String node = "resize-" + cluster.namespace();
    var settings = RunningKubelet.settings(cluster, node);
    RunningKubelet kubelet =
        RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
    try {
      runResizable(cluster, node, "resized", Map.of(PodBehaviour.RESIZE_DURATION, "3s"));
      ContainerStatus before = app(cluster.pod("resized"));
      assertThat(before.getResources().getRequests()).containsEntry("cpu", new Quantity("100m"));
      assertThat(before.getAllocatedResources()).containsEntry("cpu", new Quantity("100m"));

      resize(cluster, "resized");

      PodCondition inProgress = awaitCondition(cluster, "resized", IN_PROGRESS);
      assertThat(inProgress.getStatus()).isEqualTo("True");
      assertThat(inProgress.getReason()).isNull();
      assertThat(inProgress.getObservedGeneration()).isEqualTo(2L);
      ContainerStatus applying = app(cluster.pod("resized"));
      assertThat(applying.getAllocatedResources()).containsEntry("cpu", new Quantity("150m"));
      assertThat(applying.getResources().getRequests()).containsEntry("cpu", new Quantity("100m"));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> condition(cluster.pod("resized"), IN_PROGRESS).isEmpty());
      Pod resized = cluster.pod("resized");
      ContainerStatus app = app(resized);
      assertThat(app.getResources().getRequests()).containsEntry("cpu", new Quantity("150m"));
      assertThat(app.getResources().getLimits()).containsEntry("cpu", new Quantity("300m"));
      assertThat(app.getAllocatedResources()).containsEntry("cpu", new Quantity("150m"));
      assertThat(app.getRestartCount()).isZero();
      assertThat(app.getContainerID()).isEqualTo(before.getContainerID());
      assertThat(condition(resized, PENDING)).isEmpty();
      assertThat(TestPods.isRunningAndReady(resized)).isTrue();
      assertThat(resized.getStatus().getObservedGeneration()).isEqualTo(2L);
      assertThat(resized.getStatus().getConditions())
          .extracting(PodCondition::getObservedGeneration)
          .containsOnly(2L);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(resizeEvents(cluster, "resized"))
                      .extracting(
                          Event::getType, Event::getReason, Event::getMessage, Event::getCount)
                      .containsExactly(
                          tuple("Normal", "ResizeStarted", "Pod resize started: " + RESIZED_TO, 1),
                          tuple(
                              "Normal",
                              "ResizeCompleted",
                              "Pod resize completed: " + RESIZED_TO,
                              1)));
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void aProviderThatCannotResizeLeavesThePodAsItWasWithResizePendingInfeasible(
      TestCluster cluster) {
    String node = "no-resize-" + cluster.namespace();
    var settings = RunningKubelet.settings(cluster, node);
    // The mock without in-place resize: a backend whose containers have a fixed size.
    Provider fixedSize = new DelegatingProvider(RunningKubelet.defaultProvider(settings));
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, fixedSize);
    try {
      runResizable(cluster, node, "fixed", Map.of());

      resize(cluster, "fixed");

      PodCondition pending = awaitCondition(cluster, "fixed", PENDING);
      assertThat(pending.getStatus()).isEqualTo("True");
      assertThat(pending.getReason()).isEqualTo("Infeasible");
      assertThat(pending.getMessage()).isEqualTo("provider mock cannot resize pods in place");
      assertThat(app(cluster.pod("fixed")).getResources().getRequests())
          .containsEntry("cpu", new Quantity("100m"));
      assertThat(TestPods.isRunningAndReady(cluster.pod("fixed"))).isTrue();
      assertThat(condition(cluster.pod("fixed"), IN_PROGRESS)).isEmpty();
      Event infeasible =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> resizeEvents(cluster, "fixed"), e -> !e.isEmpty())
              .getFirst();
      assertThat(infeasible.getType()).isEqualTo("Warning");
      assertThat(infeasible.getReason()).isEqualTo("ResizeInfeasible");
      assertThat(infeasible.getMessage())
          .isEqualTo(
              "Pod resize Infeasible: "
                  + RESIZED_TO.substring(0, RESIZED_TO.length() - 1)
                  + ",\"error\":\"provider mock cannot resize pods in place\"}");
      // A second resize is a second event; the statuses written in between wrote none.
      cluster.kubectl(
          "patch",
          "pod",
          "fixed",
          "-n",
          cluster.namespace(),
          "--subresource",
          "resize",
          "-p",
          "{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":"
              + "{\"requests\":{\"cpu\":\"200m\"}}}]}}");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(resizeEvents(cluster, "fixed"))
                      .extracting(Event::getReason, Event::getCount)
                      .containsExactly(tuple("ResizeInfeasible", 1), tuple("ResizeInfeasible", 1)));
      assertThat(resizeEvents(cluster, "fixed").get(1).getMessage())
          .contains("\"requests\":{\"cpu\":\"200m\"}")
          .contains("\"generation\":3");
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void aResizeItsProviderFailsToApplyIsInProgressWithReasonErrorUntilARetryAppliesIt(
      TestCluster cluster) {
    String node = "failing-resize-" + cluster.namespace();
    var settings = RunningKubelet.settings(cluster, node);
    RefusingResizes refusing = new RefusingResizes(RunningKubelet.defaultProvider(settings));
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, refusing);
    try {
      runResizable(cluster, node, "refused", Map.of());

      resize(cluster, "refused");

      PodCondition failed = awaitCondition(cluster, "refused", IN_PROGRESS);
      assertThat(failed.getStatus()).isEqualTo("True");
      assertThat(failed.getReason()).isEqualTo("Error");
      assertThat(failed.getMessage()).contains(RefusingResizes.REFUSAL);
      assertThat(app(cluster.pod("refused")).getResources().getRequests())
          .containsEntry("cpu", new Quantity("100m"));

      refusing.refuse.set(false);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> condition(cluster.pod("refused"), IN_PROGRESS).isEmpty());
      ContainerStatus app = app(cluster.pod("refused"));
      assertThat(app.getResources().getRequests()).containsEntry("cpu", new Quantity("150m"));
      assertThat(app.getRestartCount()).isZero();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(resizeEvents(cluster, "refused"))
                      .extracting(Event::getType, Event::getReason, Event::getCount)
                      .containsExactly(
                          tuple("Normal", "ResizeStarted", 1),
                          tuple("Warning", "ResizeError", 1),
                          tuple("Normal", "ResizeCompleted", 1)));
      assertThat(resizeEvents(cluster, "refused").get(1).getMessage())
          .startsWith("Pod resize error: " + RESIZED_TO.substring(0, RESIZED_TO.length() - 1))
          .contains(RefusingResizes.REFUSAL);
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  /** The mock, resizing in place, on a backend that refuses every update while told to. */
  private static final class RefusingResizes extends DelegatingProvider implements InPlaceResize {

    static final String REFUSAL = "backend: no room to resize app";

    final AtomicBoolean refuse = new AtomicBoolean(true);

    RefusingResizes(Provider mock) {
      super(mock);
    }

    @Override
    public void updatePod(Pod pod) {
      if (refuse.get()) {
        throw ProviderException.transientFailure(REFUSAL);
      }
      super.updatePod(pod);
    }
  }

  private static void runResizable(
      TestCluster cluster, String node, String name, Map<String, String> annotations) {
    cluster.create(
        TestPods.boundTo(node, name)
            .editMetadata()
            .addToAnnotations(annotations)
            .endMetadata()
            .editSpec()
            .editFirstContainer()
            .withNewResources()
            .withRequests(Map.of("cpu", new Quantity("100m")))
            .withLimits(Map.of("cpu", new Quantity("200m")))
            .endResources()
            .endContainer()
            .endSpec()
            .build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
  }

  private static void resize(TestCluster cluster, String name) {
    cluster.kubectl(
        "patch", "pod", name, "-n", cluster.namespace(), "--subresource", "resize", "-p", RESIZE);
  }

  /**
   * The pod's resize events (the kubelet's ResizeStarted, ResizeCompleted, ResizeError,
   * ResizeInfeasible), in the order they were first written.
   */
  private static List<Event> resizeEvents(TestCluster cluster, String name) {
    return cluster.eventsAbout(name).stream()
        .filter(e -> e.getReason().startsWith("Resize"))
        .sorted(
            Comparator.comparing(Event::getFirstTimestamp)
                .thenComparing(e -> e.getMetadata().getName()))
        .toList();
  }

  private static ContainerStatus app(Pod pod) {
    return pod.getStatus().getContainerStatuses().getFirst();
  }

  /** Waits until the named pod has a condition of this type. */
  private static PodCondition awaitCondition(TestCluster cluster, String name, String type) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> condition(cluster.pod(name), type), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<PodCondition> condition(Pod pod, String type) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst();
  }
}
