package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvk.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerHeartbeatsTest {

  private static final Duration SILENCE = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T00:00:00Z"));
  private final AtomicInteger joins = new AtomicInteger();
  private final WorkerHeartbeats heartbeats =
      new WorkerHeartbeats(SILENCE, "camelvk.replies", clock, joins::incrementAndGet);

  @Test
  void aProviderJustStartedHasTheSilenceToHearFromItsFirstWorker() {
    assertThat(heartbeats.profile()).doesNotContain("NoWorkerHeartbeat");

    clock.advance(SILENCE);

    assertThat(heartbeats.profile())
        .contains("NoWorkerHeartbeat")
        .contains("(none since the provider started)");
  }

  @Test
  void aWorkerThatJoinsOrComesBackIsToldOnceEachTime() {
    heartbeats.beat("w1", capacity("10"));
    heartbeats.beat("w1", capacity("10"));
    assertThat(joins).hasValue(1);

    heartbeats.beat("w2", capacity("5"));
    assertThat(joins).hasValue(2);
    assertThat(heartbeats.profile()).contains("\"pods\":\"15\"");

    clock.advance(SILENCE.plusSeconds(1));
    assertThat(heartbeats.profile()).contains("NoWorkerHeartbeat").contains("(last ");
    heartbeats.beat("w1", capacity("10"));
    assertThat(joins).hasValue(3);
    assertThat(heartbeats.profile()).doesNotContain("NoWorkerHeartbeat");
  }

  private static JsonNode capacity(String pods) {
    return CloudEvents.JSON
        .createObjectNode()
        .set("capacity", CloudEvents.JSON.createObjectNode().put("pods", pods));
  }
}
