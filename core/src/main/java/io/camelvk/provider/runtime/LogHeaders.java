package io.camelvk.provider.runtime;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.VkHeaders;
import java.time.Instant;
import org.apache.camel.Message;

/**
 * A log request's options as the {@code VkLog*} headers of a {@code logs} exchange, both ways; a
 * provider's route bean reads them with {@link #read}.
 */
public final class LogHeaders {

  private LogHeaders() {}

  static void write(LogOptions options, Message message) {
    setIfPresent(message, VkHeaders.LOG_TAIL_LINES, options.tailLines());
    setIfPresent(
        message,
        VkHeaders.LOG_SINCE_TIME,
        options.since() == null ? null : options.since().toString());
    setIfPresent(message, VkHeaders.LOG_LIMIT_BYTES, options.limitBytes());
    message.setHeader(VkHeaders.LOG_TIMESTAMPS, options.timestamps());
    message.setHeader(VkHeaders.LOG_PREVIOUS, options.previous());
    message.setHeader(VkHeaders.LOG_FOLLOW, options.follow());
  }

  public static LogOptions read(Message message) {
    String since = message.getHeader(VkHeaders.LOG_SINCE_TIME, String.class);
    return new LogOptions(
        message.getHeader(VkHeaders.LOG_TAIL_LINES, Integer.class),
        since == null ? null : Instant.parse(since),
        message.getHeader(VkHeaders.LOG_LIMIT_BYTES, Long.class),
        flag(message, VkHeaders.LOG_TIMESTAMPS),
        flag(message, VkHeaders.LOG_PREVIOUS),
        flag(message, VkHeaders.LOG_FOLLOW));
  }

  private static boolean flag(Message message, String header) {
    return Boolean.TRUE.equals(message.getHeader(header, Boolean.class));
  }

  private static void setIfPresent(Message message, String header, Object value) {
    if (value != null) {
      message.setHeader(header, value);
    }
  }
}
