package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.events.EventRecorder;
import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainerEventsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final CapturedEvents captured = new CapturedEvents();
  private final List<Event> written = captured.created();
  private final List<Integer> counted = captured.counts();
  private final EventRecorder recorder = new EventRecorder(captured, clock, outcome -> {});
  private final Pod pod = TestPods.named("ns", "web", "u1").build();

  @AfterEach
  void stop() {
    recorder.close();
  }

  @Test
  void eachContainerInstanceThatRunsIsCreatedAndStartedOnceAndKilledOnStop() {
    PodEvents podEvents = new PodEvents(recorder, "vk", clock, true);
    ContainerEvents events = new ContainerEvents(podEvents, clock);

    events.reported(pod, status(waiting("ContainerCreating", 0)));
    events.reported(pod, status(running("mock://u1/app/0", 0)));
    events.reported(pod, status(running("mock://u1/app/0", 0)));
    new KillingEvents(podEvents).stopping(withStatus(status(running("mock://u1/app/0", 0))));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(
                        Event::getType,
                        Event::getReason,
                        Event::getMessage,
                        e -> e.getInvolvedObject().getFieldPath())
                    .containsExactly(
                        tuple("Normal", "Created", "Container created", "spec.containers{app}"),
                        tuple("Normal", "Started", "Container started", "spec.containers{app}"),
                        tuple(
                            "Normal",
                            "Killing",
                            "Stopping container app",
                            "spec.containers{app}")));
  }

  @Test
  void aPullTheProviderReportsIsPullingThenPulledWithItsDuration() {
    ContainerEvents events = new ContainerEvents(new PodEvents(recorder, "vk", clock, true), clock);

    events.reported(pod, status(waitingWith("ContainerCreating", "Pulling image \"busybox\"")));
    clock.advance(Duration.ofMillis(1500));
    events.reported(pod, status(waitingWith("ContainerCreating", "Pulling image \"busybox\"")));
    events.reported(pod, status(running("mock://u1/app/0", 0)));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getReason, Event::getMessage)
                    .containsExactly(
                        tuple("Pulling", "Pulling image \"busybox\""),
                        tuple("Pulled", "Successfully pulled image \"busybox\" in 1.500s"),
                        tuple("Created", "Container created"),
                        tuple("Started", "Container started")));
  }

  private static ContainerStatus waitingWith(String reason, String message) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withImage("busybox")
        .withRestartCount(0)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .build();
  }

  @Test
  void aCrashLoopIsOneBackOffPerRestartAndNoNormalEventsWhenTurnedOff() {
    ContainerEvents events =
        new ContainerEvents(new PodEvents(recorder, "vk", clock, false), clock);

    events.reported(pod, status(running("mock://u1/app/0", 0)));
    events.reported(pod, status(waiting("CrashLoopBackOff", 1)));
    events.reported(pod, status(waiting("CrashLoopBackOff", 1)));
    events.reported(pod, status(running("mock://u1/app/1", 1)));
    events.reported(pod, status(waiting("CrashLoopBackOff", 2)));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getReason, Event::getMessage, Event::getCount)
                    .containsExactly(
                        tuple(
                            "BackOff",
                            "Back-off restarting failed container app in pod web_ns(u1)",
                            1)));
    assertThat(counted).hasSize(1);
  }

  @Test
  void aContainerKilledForItsLivenessProbeIsUnhealthyAndKilledOnceBeforeItsRestart() {
    ContainerEvents events = new ContainerEvents(new PodEvents(recorder, "vk", clock, true), clock);
    ContainerStatus restarted =
        new ContainerStatusBuilder(running("mock://u1/app/1", 1))
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(137)
            .withReason("Error")
            .withMessage("Liveness probe failed: HTTP probe failed with statuscode: 500")
            .withContainerID("mock://u1/app/0")
            .endTerminated()
            .endLastState()
            .build();

    events.reported(pod, status(running("mock://u1/app/0", 0)));
    events.reported(pod, status(restarted));
    events.reported(pod, status(restarted));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getType, Event::getReason, Event::getMessage)
                    .containsExactly(
                        tuple("Normal", "Created", "Container created"),
                        tuple("Normal", "Started", "Container started"),
                        tuple(
                            "Warning",
                            "Unhealthy",
                            "Liveness probe failed: HTTP probe failed with statuscode: 500"),
                        tuple(
                            "Normal",
                            "Killing",
                            "Container app failed liveness probe, will be restarted")));
    await().atMost(Duration.ofSeconds(5)).until(() -> counted.size() == 2);
  }

  private Pod withStatus(PodStatus status) {
    return TestPods.named("ns", "web", "u1").withStatus(status).build();
  }

  private static PodStatus status(ContainerStatus app) {
    return new PodStatusBuilder().withContainerStatuses(app).build();
  }

  private static ContainerStatus running(String id, int restarts) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withImage("busybox")
        .withContainerID(id)
        .withRestartCount(restarts)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2026-12-07T10:00:00Z")
        .endRunning()
        .endState()
        .build();
  }

  private static ContainerStatus waiting(String reason, int restarts) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withRestartCount(restarts)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .endWaiting()
        .endState()
        .build();
  }
}
