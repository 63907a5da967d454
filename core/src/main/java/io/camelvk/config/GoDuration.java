package io.camelvk.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Go writes them ({@code 1m0s}, {@code 90s}, {@code 1h30m}, {@code 0}). */
public final class GoDuration {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * @throws IllegalArgumentException when the text is not a non-negative Go duration
   */
  public static Duration parse(String text) {
    String value = text.strip();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = PART.matcher(value);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      nanos =
          nanos.add(
              new BigDecimal(matcher.group(1))
                  .multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(matcher.group(2)))));
      end = matcher.end();
    }
    if (end == 0 || end != value.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (examples: 30s, 1m0s, 1h30m, 0)");
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too long (at most 2562047h)");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
