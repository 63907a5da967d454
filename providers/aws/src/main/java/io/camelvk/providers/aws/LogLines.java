package io.camelvk.providers.aws;

import io.camelvk.provider.LogTimestamps;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** CloudWatch log events as a container's log text: one line each, as the kubelet shows them. */
final class LogLines {

  private LogLines() {}

  /**
   * @param timestamps each line after its event's time, as {@code kubectl logs --timestamps} shows
   *     it ({@link LogTimestamps})
   */
  static String format(List<OutputLogEvent> events, boolean timestamps) {
    StringBuilder text = new StringBuilder();
    for (OutputLogEvent event : events) {
      if (timestamps) {
        text.append(LogTimestamps.format(Instant.ofEpochMilli(event.timestamp()))).append(' ');
      }
      String message = event.message() == null ? "" : event.message();
      text.append(message);
      if (!message.endsWith("\n")) {
        text.append('\n');
      }
    }
    return text.toString();
  }
}
