package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.events.EventRecorder;
import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResizeEventsTest {

  private static final String RESOURCES_100M =
      "{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"100m\"}}}]";
  private static final String RESOURCES_150M =
      "{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"150m\"}}}]";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final CapturedEvents captured = new CapturedEvents();
  private final List<Event> written = captured.created();
  private final List<Integer> counted = captured.counts();
  private final EventRecorder recorder = new EventRecorder(captured, clock, outcome -> {});
  private final ResizeEvents events = new ResizeEvents(new PodEvents(recorder, "vk", clock, true));

  @AfterEach
  void stop() {
    recorder.close();
  }

  @Test
  void aResizeIsStartedOnceWhenHandedAndCompletedOnceWhenNoLongerInProgress() {
    Pod before = pod(1, "100m");
    Pod resized = pod(2, "150m");
    PodAllocation old = PodAllocation.of(before);
    PodAllocation allocated = PodAllocation.of(resized);

    events.handing(before, old);
    events.handing(resized, old);
    events.handing(resized, old);
    events.reported(resized, status(inProgress(2)), allocated);
    events.reported(resized, status(), allocated);
    events.reported(resized, status(), allocated);

    awaitWritten(
        tuple(
            "Normal",
            "ResizeStarted",
            "Pod resize started: " + RESOURCES_150M + ",\"generation\":2}"),
        tuple(
            "Normal",
            "ResizeCompleted",
            "Pod resize completed: " + RESOURCES_150M + ",\"generation\":2}"));
    assertThat(written).allSatisfy(e -> assertThat(e.getInvolvedObject().getFieldPath()).isNull());
    assertThat(counted).isEmpty();
  }

  @Test
  void aResizeIsNotCompletedByAStatusWrittenBeforeItsProviderAppliedIt() {
    Pod before = pod(1, "100m");
    Pod resized = pod(2, "150m");

    events.handing(resized, PodAllocation.of(before));
    events.reported(resized, status(), PodAllocation.of(before));

    await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
    events.reported(resized, status(), PodAllocation.of(resized));
    await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 2);
    assertThat(written)
        .extracting(Event::getReason)
        .containsExactly("ResizeStarted", "ResizeCompleted");
  }

  @Test
  void eachNewErrorOfTheProviderIsOneResizeError() {
    Pod resized = pod(2, "150m");

    events.failed(resized, status(failed("no room")));
    events.failed(resized, status(failed("no room")));
    events.failed(resized, status(failed("backend down")));

    awaitWritten(
        tuple(
            "Warning",
            "ResizeError",
            "Pod resize error: " + RESOURCES_150M + ",\"generation\":2,\"error\":\"no room\"}"),
        tuple(
            "Warning",
            "ResizeError",
            "Pod resize error: "
                + RESOURCES_150M
                + ",\"generation\":2,\"error\":\"backend down\"}"));
  }

  @Test
  void anInfeasibleResizeIsOneResizeInfeasiblePerGenerationWithTheSpecResources() {
    Pod resized = pod(2, "150m");
    Pod resizedAgain = pod(3, "150m");
    PodAllocation old = PodAllocation.of(pod(1, "100m"));

    events.reported(resized, status(pending(2)), old);
    events.reported(resized, status(pending(2)), old);
    events.reported(resizedAgain, status(pending(3)), old);

    awaitWritten(
        tuple(
            "Warning",
            "ResizeInfeasible",
            "Pod resize Infeasible: "
                + RESOURCES_150M
                + ",\"generation\":2,\"error\":\"provider mock cannot resize"
                + " pods in place\"}"),
        tuple(
            "Warning",
            "ResizeInfeasible",
            "Pod resize Infeasible: "
                + RESOURCES_150M
                + ",\"generation\":3,\"error\":\"provider mock cannot resize"
                + " pods in place\"}"));
  }

  @Test
  void aResizeInProgressFoundInAStatusIsCompletedToo() {
    Pod adopted = pod(2, "100m");

    events.reported(adopted, status(inProgress(2)), PodAllocation.of(adopted));
    events.reported(adopted, status(), PodAllocation.of(adopted));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getReason, Event::getMessage)
                    .containsExactly(
                        tuple(
                            "ResizeCompleted",
                            "Pod resize completed: " + RESOURCES_100M + ",\"generation\":2}")));
  }

  private void awaitWritten(Tuple... typeReasonMessage) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(written)
                    .extracting(Event::getType, Event::getReason, Event::getMessage)
                    .containsExactly(typeReasonMessage));
  }

  private static Pod pod(long generation, String cpu) {
    return TestPods.named("ns", "web", "u1")
        .editMetadata()
        .withGeneration(generation)
        .endMetadata()
        .editSpec()
        .editFirstContainer()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(cpu)))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private static PodStatus status(PodCondition... conditions) {
    return new PodStatusBuilder().withConditions(conditions).build();
  }

  private static PodCondition inProgress(long generation) {
    return condition(PodResizeStatus.IN_PROGRESS, null, null, generation);
  }

  private static PodCondition failed(String message) {
    return condition(PodResizeStatus.IN_PROGRESS, PodResizeStatus.ERROR, message, 2);
  }

  private static PodCondition pending(long generation) {
    return condition(
        PodResizeStatus.PENDING,
        PodResizeStatus.INFEASIBLE,
        "provider mock cannot resize pods in place",
        generation);
  }

  private static PodCondition condition(
      String type, String reason, String message, long generation) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .build();
  }
}
