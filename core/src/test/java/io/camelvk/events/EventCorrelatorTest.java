package io.camelvk.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCorrelatorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final EventCorrelator correlator = new EventCorrelator(clock);

  @Test
  void anIdenticalEventRaisesTheCountOfTheFirstInsteadOfBeingWrittenAgain() {
    Event first = event("web", "BackOff", "Back-off restarting failed container app", 1);
    assertThat(correlator.correlate(first)).containsInstanceOf(EventCorrelator.Create.class);
    clock.advance(Duration.ofSeconds(10));

    var second = correlator.correlate(event("web", "BackOff", first.getMessage(), 2));

    assertThat(second)
        .get()
        .isInstanceOfSatisfying(
            EventCorrelator.Count.class,
            count -> {
              assertThat(count.existing().getMetadata().getName()).isEqualTo("web.1");
              assertThat(count.count()).isEqualTo(2);
              assertThat(count.last()).isEqualTo(Instant.parse("2026-12-07T10:00:10Z"));
              assertThat(count.existing().getFirstTimestamp()).isEqualTo("2026-12-07T10:00:00Z");
            });
  }

  @Test
  void tenSimilarEventsBecomeOneCombinedEventThatCounts() {
    List<EventCorrelator.Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      decisions.add(correlator.correlate(event("web", "Failed", "error " + i, i)).orElseThrow());
    }

    assertThat(decisions.subList(0, 9)).allMatch(EventCorrelator.Create.class::isInstance);
    assertThat(decisions.get(9))
        .isInstanceOfSatisfying(
            EventCorrelator.Create.class,
            create ->
                assertThat(create.event().getMessage())
                    .isEqualTo("(combined from similar events): error 9"));
    assertThat(decisions.subList(10, 12)).allMatch(EventCorrelator.Count.class::isInstance);
  }

  @Test
  void anObjectGetsTwentyFiveEventsThenOneEveryFiveMinutes() {
    long written = 0;
    for (int i = 0; i < 40; i++) {
      written += correlator.correlate(event("web", "Reason" + i, "m", i)).isPresent() ? 1 : 0;
    }
    assertThat(written).isEqualTo(25);
    assertThat(correlator.correlate(event("other", "Reason", "m", 99))).isPresent();

    clock.advance(Duration.ofMinutes(5));
    assertThat(correlator.correlate(event("web", "Late", "m", 100))).isPresent();
    assertThat(correlator.correlate(event("web", "Later", "m", 101))).isEqualTo(Optional.empty());
  }

  private Event event(String pod, String reason, String message, int serial) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(pod + "." + serial)
        .endMetadata()
        .withNewInvolvedObject()
        .withKind("Pod")
        .withApiVersion("v1")
        .withNamespace("ns")
        .withName(pod)
        .withUid("uid-" + pod)
        .endInvolvedObject()
        .withType("Warning")
        .withReason(reason)
        .withMessage(message)
        .withNewSource("vk", "virtual-kubelet")
        .build();
  }
}
