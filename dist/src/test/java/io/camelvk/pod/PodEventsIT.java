package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kubelet's events on pods, as kubectl describe shows them. */
@WithVirtualKubelet
class PodEventsIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void aPodsContainerIsCreatedStartedAndKilledLikeTheKubeletSaysIt(TestCluster cluster) {
    cluster.runPod(kubelet.nodeName(), "lifecycle", Duration.ofSeconds(30));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        cluster.kubectl("describe", "pod", "lifecycle", "-n", cluster.namespace()))
                    .containsPattern("Normal +Created .* virtual-kubelet.* Container created")
                    .containsPattern("Normal +Started .* virtual-kubelet.* Container started"));
    cluster.client().pods().inNamespace(cluster.namespace()).withName("lifecycle").delete();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(cluster.eventsAbout("lifecycle"))
                    .extracting(
                        Event::getReason,
                        Event::getMessage,
                        e -> e.getInvolvedObject().getFieldPath(),
                        e -> e.getSource().getComponent() + " on " + e.getSource().getHost())
                    .contains(
                        tuple("Created", "Container created", "spec.containers{app}", source()),
                        tuple("Started", "Container started", "spec.containers{app}", source()),
                        tuple(
                            "Killing",
                            "Stopping container app",
                            "spec.containers{app}",
                            source())));
  }

  @Test
  void aPullTheProviderReportsShowsAsPullingAndPulled(TestCluster cluster) {
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "pulled")
            .editMetadata()
            .addToAnnotations(PodBehaviour.START_DELAY, "2s")
            .endMetadata()
            .build());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cluster.eventsAbout("pulled"))
                    .extracting(Event::getReason)
                    .containsSubsequence("Pulling", "Pulled", "Created", "Started"));
    assertThat(cluster.eventsAbout("pulled"))
        .filteredOn(e -> e.getReason().equals("Pulled"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage()).startsWith("Successfully pulled image \"busybox\" in "));
  }

  @Test
  void aCrashLoopIsCountedOnOneBackOffEventInsteadOfFloodingTheApiServer(TestCluster cluster) {
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "crashing")
            .editMetadata()
            .addToAnnotations(PodBehaviour.EXIT_AFTER, "300ms")
            .addToAnnotations(PodBehaviour.EXIT_CODE, "1")
            .addToAnnotations(PodBehaviour.RESTART_DELAY, "500ms")
            .endMetadata()
            .build());

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(backOffs(cluster))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getCount()).isGreaterThanOrEqualTo(3)));
    assertThat(backOffs(cluster).getFirst().getMessage())
        .isEqualTo(
            "Back-off restarting failed container app in pod crashing_"
                + cluster.namespace()
                + "("
                + cluster.pod("crashing").getMetadata().getUid()
                + ")");
  }

  @Test
  void withoutNormalEventsOnlyWarningsAreRecorded(TestCluster cluster) {
    String node = "quiet-" + cluster.namespace();
    try (ForkedKubelet quiet =
        ForkedKubelet.start(
            cluster,
            node,
            List.of(
                "--nodename",
                node,
                "--kubelet-port",
                Integer.toString(LoopbackPorts.free()),
                "--no-normal-events"))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> quiet.log().contains("started with provider") || !quiet.isAlive());
      cluster.runPod(node, "quiet", Duration.ofSeconds(60));
      cluster.create(
          TestPods.boundTo(node, "quiet-crash")
              .editMetadata()
              .addToAnnotations(PodBehaviour.EXIT_AFTER, "300ms")
              .addToAnnotations(PodBehaviour.EXIT_CODE, "1")
              .endMetadata()
              .build());

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !cluster.eventsAbout("quiet-crash").isEmpty());
      assertThat(cluster.eventsAbout("quiet-crash"))
          .extracting(Event::getType)
          .containsOnly("Warning");
      assertThat(cluster.eventsAbout("quiet")).isEmpty();
    } finally {
      cluster.client().nodes().withName(node).delete();
    }
  }

  private static String source() {
    return "virtual-kubelet on " + kubelet.nodeName();
  }

  private static List<Event> backOffs(TestCluster cluster) {
    return cluster.eventsAbout("crashing").stream()
        .filter(e -> e.getReason().equals("BackOff"))
        .toList();
  }
}
