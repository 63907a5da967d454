package io.camelvk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void parsesWhatGoPrints() {
    assertThat(GoDuration.parse("1m0s")).isEqualTo(Duration.ofMinutes(1));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(GoDuration.parse("0")).isZero();
  }

  @Test
  void refusesAnythingElse() {
    for (String bad : new String[] {"", "5", "-5s", "1d", "s", "1m garbage", "PT1M"}) {
      assertThatThrownBy(() -> GoDuration.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
