package io.camelvk.providers.mock.pod;

import java.time.Duration;

/**
 * A duration as Go's time.Duration prints it ({@code 10s}, {@code 2m40s}, {@code 1.5s}, {@code
 * 500ms}): the kubelet's messages show them so.
 */
final class GoDurationText {

  private static final long MICRO = 1_000;
  private static final long MILLI = 1_000_000;
  private static final long SECOND = 1_000_000_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  private GoDurationText() {}

  static String of(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < MICRO) {
      return nanos + "ns";
    }
    if (nanos < MILLI) {
      return decimal(nanos, MICRO) + "µs";
    }
    if (nanos < SECOND) {
      return decimal(nanos, MILLI) + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (nanos >= HOUR) {
      text.append(nanos / HOUR).append('h');
    }
    if (nanos >= MINUTE) {
      text.append(nanos % HOUR / MINUTE).append('m');
    }
    return text.append(decimal(nanos % MINUTE, SECOND)).append('s').toString();
  }

  /** {@code value / unit} with the fraction's trailing zeros left out. */
  private static String decimal(long value, long unit) {
    long fraction = value % unit;
    if (fraction == 0) {
      return String.valueOf(value / unit);
    }
    String digits = String.valueOf(unit + fraction).substring(1).replaceAll("0+$", "");
    return value / unit + "." + digits;
  }
}
