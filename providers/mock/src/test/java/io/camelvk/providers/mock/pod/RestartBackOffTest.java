package io.camelvk.providers.mock.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBackOffTest {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void theKubeletRestartsAtOnceThenWaitsTenSecondsDoublingToFiveMinutes() {
    RestartBackOff backOff = new RestartBackOff(null);
    Instant start = T0;
    StringBuilder waits = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      Duration wait = backOff.next(start, start.plusSeconds(1));
      waits.append(GoDurationText.of(wait)).append(' ');
      start = start.plusSeconds(1).plus(wait);
    }
    assertThat(waits.toString().strip()).isEqualTo("0s 10s 20s 40s 1m20s 2m40s 5m0s 5m0s 5m0s");
  }

  @Test
  void anInstanceThatRanLongerThanTenMinutesStartsTheBackOffOver() {
    RestartBackOff backOff = new RestartBackOff(null);
    backOff.next(T0, T0);
    backOff.next(T0, T0);
    assertThat(backOff.next(T0, T0)).isEqualTo(Duration.ofSeconds(20));

    assertThat(backOff.next(T0, T0.plus(RestartBackOff.STABLE).plusSeconds(1)))
        .isEqualTo(Duration.ZERO);
    assertThat(backOff.next(T0, T0)).isEqualTo(RestartBackOff.INITIAL);
    assertThat(backOff.next(T0, T0.plus(RestartBackOff.STABLE))).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aRestartDelayIsTheWaitBeforeEveryRestart() {
    RestartBackOff backOff = new RestartBackOff(Duration.ofMillis(1500));
    for (int i = 0; i < 3; i++) {
      assertThat(backOff.next(T0, T0)).isEqualTo(Duration.ofMillis(1500));
    }
  }

  @Test
  void durationsReadAsGoPrintsThem() {
    assertThat(GoDurationText.of(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDurationText.of(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDurationText.of(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(GoDurationText.of(Duration.ofSeconds(160))).isEqualTo("2m40s");
    assertThat(GoDurationText.of(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
  }
}
