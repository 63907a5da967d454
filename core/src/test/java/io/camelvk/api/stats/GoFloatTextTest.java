package io.camelvk.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are what Go's strconv.FormatFloat(v, 'g', -1, 64) prints for the same value. */
class GoFloatTextTest {

  @Test
  void writesSmallNumbersPlain() {
    assertThat(GoFloatText.of(0)).isEqualTo("0");
    assertThat(GoFloatText.of(1)).isEqualTo("1");
    assertThat(GoFloatText.of(0.25)).isEqualTo("0.25");
    assertThat(GoFloatText.of(123456)).isEqualTo("123456");
    assertThat(GoFloatText.of(100000)).isEqualTo("100000");
    assertThat(GoFloatText.of(12.5)).isEqualTo("12.5");
    assertThat(GoFloatText.of(0.0001)).isEqualTo("0.0001");
    assertThat(GoFloatText.of(-3.75)).isEqualTo("-3.75");
  }

  @Test
  void writesExponentsFromSixAndBelowMinusFour() {
    assertThat(GoFloatText.of(67108864)).isEqualTo("6.7108864e+07");
    assertThat(GoFloatText.of(1_000_000)).isEqualTo("1e+06");
    assertThat(GoFloatText.of(1234567)).isEqualTo("1.234567e+06");
    assertThat(GoFloatText.of(0.00001)).isEqualTo("1e-05");
    assertThat(GoFloatText.of(1.7e-7)).isEqualTo("1.7e-07");
    assertThat(GoFloatText.of(1.7000000125e9)).isEqualTo("1.7000000125e+09");
    assertThat(GoFloatText.of(2e100)).isEqualTo("2e+100");
  }

  @Test
  void writesTheSpecialValuesAsPrometheusDoes() {
    assertThat(GoFloatText.of(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloatText.of(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloatText.of(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }
}
