package io.camelvk.providers.mock.logs;

import io.camelvk.provider.LogOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deterministic log of one container instance: a start line, then one line per second of
 * running time, each with its own timestamp, so that tail, since and timestamps can be checked.
 */
final class InstanceLog {

  static final int MAX_LINES = 10_000;
  private static final DateTimeFormatter RFC3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private InstanceLog() {}

  /** The lines of an instance that started at {@code from} and ran until {@code until}. */
  static List<Line> lines(
      String podKey, String container, int instance, Instant from, Instant until) {
    long seconds = Math.max(0, Duration.between(from, until).toSeconds());
    long first = Math.max(0, seconds - MAX_LINES + 1);
    List<Line> lines = new ArrayList<>();
    for (long i = first; i <= seconds; i++) {
      lines.add(line(podKey, container, instance, from, i));
    }
    return lines;
  }

  /** The line written {@code second} seconds after the instance started. */
  static Line line(String podKey, String container, int instance, Instant from, long second) {
    String text =
        second == 0
            ? "mock: container "
                + container
                + " of "
                + podKey
                + " started (restart "
                + instance
                + ")"
            : "mock: container " + container + " of " + podKey + " running for " + second + "s";
    return new Line(from.plusSeconds(second), text);
  }

  /** One line as served, with its newline and, when asked, its timestamp. */
  static String format(Line line, boolean timestamps) {
    return (timestamps ? RFC3339_NANO.format(line.at()) + " " : "") + line.text() + "\n";
  }

  /** The log as the kubelet would serve it with these options. */
  static byte[] render(List<Line> lines, LogOptions options) {
    List<Line> selected =
        lines.stream()
            .filter(l -> options.since() == null || !l.at().isBefore(options.since()))
            .toList();
    if (options.tailLines() != null) {
      selected =
          selected.subList(Math.max(0, selected.size() - options.tailLines()), selected.size());
    }
    StringBuilder out = new StringBuilder();
    for (Line line : selected) {
      out.append(format(line, options.timestamps()));
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (options.limitBytes() != null && options.limitBytes() < bytes.length) {
      return Arrays.copyOf(bytes, options.limitBytes().intValue());
    }
    return bytes;
  }

  record Line(Instant at, String text) {}
}
