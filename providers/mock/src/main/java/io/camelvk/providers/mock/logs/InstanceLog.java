package io.camelvk.providers.mock.logs;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.LogTimestamps;
import io.camelvk.providers.mock.pod.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a container instance's log as the kubelet serves them, with the request's options.
 */
final class InstanceLog {

  private InstanceLog() {}

  /** One line as served, with its newline and, when asked, its timestamp. */
  static String format(LogLine line, boolean timestamps) {
    return (timestamps ? LogTimestamps.format(line.at()) + " " : "") + line.text() + "\n";
  }

  /**
   * The lines as served: only those {@code since}, the last {@code tailLines}, cut at the limit.
   */
  static byte[] render(List<LogLine> lines, LogOptions options) {
    List<LogLine> selected =
        lines.stream()
            .filter(l -> options.since() == null || !l.at().isBefore(options.since()))
            .toList();
    if (options.tailLines() != null) {
      selected =
          selected.subList(Math.max(0, selected.size() - options.tailLines()), selected.size());
    }
    byte[] bytes = formatAll(selected, options.timestamps());
    if (options.limitBytes() != null && options.limitBytes() < bytes.length) {
      return Arrays.copyOf(bytes, options.limitBytes().intValue());
    }
    return bytes;
  }

  /** The lines, each formatted. */
  static byte[] formatAll(List<LogLine> lines, boolean timestamps) {
    StringBuilder out = new StringBuilder();
    for (LogLine line : lines) {
      out.append(format(line, timestamps));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
