package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.events.EventRecorder;
import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessEventsTest {

  private static final String STARTED = "2026-12-07T10:00:00Z";

  private final MutableClock clock = new MutableClock(Instant.parse(STARTED));
  private final CapturedEvents captured = new CapturedEvents();
  private final List<Event> written = captured.writes();
  private final EventRecorder recorder = new EventRecorder(captured, clock, outcome -> {});
  private final ReadinessEvents events =
      new ReadinessEvents(new PodEvents(recorder, "vk", clock, true), clock);

  @AfterEach
  void stop() {
    recorder.close();
  }

  @Test
  void aContainerThatTurnsUnreadyIsReportedUnhealthyOncePerTransition() {
    Pod pod = probed(0);

    report(pod, app("mock://u1/app/0", true));
    report(pod, app("mock://u1/app/0", false));
    report(pod, app("mock://u1/app/0", false));
    report(pod, app("mock://u1/app/0", true));
    report(pod, app("mock://u1/app/0", false));

    assertUnhealthy("Readiness probe failed", "Readiness probe failed");
  }

  @Test
  void aContainerNeverReadyIsReportedOnceItsInitialDelayHasPassedSinceTheSecondItStarted() {
    Pod pod = probed(5);

    report(pod, app("mock://u1/app/0", false));
    clock.advance(Duration.ofSeconds(5));
    report(pod, app("mock://u1/app/0", false));
    clock.advance(Duration.ofSeconds(1));
    report(pod, app("mock://u1/app/0", false));
    report(pod, app("mock://u1/app/0", false));

    assertUnhealthy("Readiness probe failed");
  }

  @Test
  void theProvidersProbeOutputIsTheMessageAndNeedsNoWaitForTheInitialDelay() {
    Pod pod = probed(0);
    PodStatus reported =
        new PodStatusBuilder()
            .addNewCondition()
            .withType("ContainersReady")
            .withStatus("False")
            .withMessage("Readiness probe failed: HTTP probe failed with statuscode: 503")
            .endCondition()
            .build();

    events.reported(pod, reported, status(app("mock://u1/app/0", false)));

    assertUnhealthy("Readiness probe failed: HTTP probe failed with statuscode: 503");
  }

  @Test
  void aContainerWithoutAReadinessProbeOrNotStartedOrNotRunningIsNotReported() {
    Pod unprobed = TestPods.named("ns", "web", "u1").build();
    Pod probed = probed(0);
    clock.advance(Duration.ofSeconds(1));

    report(unprobed, app("mock://u1/app/0", false));
    report(
        probed,
        new ContainerStatusBuilder(app("mock://u1/app/0", false)).withStarted(false).build());
    report(
        probed,
        new ContainerStatusBuilder(app("mock://u1/app/0", false))
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .endWaiting()
            .endState()
            .build());
    report(probed, app("mock://u1/app/1", false));

    assertUnhealthy("Readiness probe failed");
    assertThat(written.getFirst().getInvolvedObject().getFieldPath())
        .isEqualTo("spec.containers{app}");
  }

  @Test
  void eachNewInstanceStartsOver() {
    Pod pod = probed(0);
    clock.advance(Duration.ofSeconds(1));

    report(pod, app("mock://u1/app/0", false));
    report(pod, app("mock://u1/app/1", false));

    assertUnhealthy("Readiness probe failed", "Readiness probe failed");
  }

  private void assertUnhealthy(String... messages) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getMessage)
                    .hasSize(messages.length)
                    .containsOnly(messages));
    assertThat(written)
        .allSatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("Unhealthy");
            });
  }

  private void report(Pod pod, ContainerStatus app) {
    events.reported(pod, new PodStatus(), status(app));
  }

  private static Pod probed(int initialDelaySeconds) {
    return new PodBuilder(TestPods.named("ns", "web", "u1").build())
        .editSpec()
        .editFirstContainer()
        .withNewReadinessProbe()
        .withInitialDelaySeconds(initialDelaySeconds)
        .withNewHttpGet()
        .withPath("/ready")
        .withNewPort(8080)
        .endHttpGet()
        .endReadinessProbe()
        .endContainer()
        .endSpec()
        .build();
  }

  private static PodStatus status(ContainerStatus app) {
    return new PodStatusBuilder().withContainerStatuses(app).build();
  }

  private static ContainerStatus app(String id, boolean ready) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withImage("busybox")
        .withContainerID(id)
        .withReady(ready)
        .withStarted(true)
        .withNewState()
        .withNewRunning()
        .withStartedAt(STARTED)
        .endRunning()
        .endState()
        .build();
  }
}
