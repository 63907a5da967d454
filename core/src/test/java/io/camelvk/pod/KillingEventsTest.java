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
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KillingEventsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final CapturedEvents captured = new CapturedEvents();
  private final List<Event> written = captured.created();
  private final EventRecorder recorder = new EventRecorder(captured, clock, outcome -> {});
  private final KillingEvents events =
      new KillingEvents(new PodEvents(recorder, "vk", clock, true));

  @AfterEach
  void stop() {
    recorder.close();
  }

  @Test
  void onStopEveryRunningContainerIsKilledSidecarsAndEphemeralContainersIncluded() {
    PodStatus status =
        new PodStatusBuilder()
            .withInitContainerStatuses(completed("setup"), running("first"), running("second"))
            .withContainerStatuses(running("app"))
            .withEphemeralContainerStatuses(running("debugger"))
            .build();

    events.stopping(TestPods.named("ns", "web", "u1").withStatus(status).build());

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getMessage, e -> e.getInvolvedObject().getFieldPath())
                    .containsExactly(
                        tuple("Stopping container app", "spec.containers{app}"),
                        tuple("Stopping container debugger", "spec.ephemeralContainers{debugger}"),
                        tuple("Stopping container second", "spec.initContainers{second}"),
                        tuple("Stopping container first", "spec.initContainers{first}")));
    assertThat(written)
        .extracting(Event::getType, Event::getReason)
        .containsOnly(tuple("Normal", "Killing"));
  }

  private static ContainerStatus running(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage("busybox")
        .withContainerID("mock://u1/" + name + "/0")
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2026-12-07T10:00:00Z")
        .endRunning()
        .endState()
        .build();
  }

  private static ContainerStatus completed(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewTerminated()
        .withExitCode(0)
        .withReason("Completed")
        .endTerminated()
        .endState()
        .build();
  }
}
