package io.camelvk.provider;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A log line's time as {@code kubectl logs --timestamps} shows it: RFC 3339 in UTC with nine digits
 * of fraction, the container runtime's format, before the line and a space.
 */
public final class LogTimestamps {

  private static final DateTimeFormatter RFC3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LogTimestamps() {}

  public static String format(Instant at) {
    return RFC3339_NANO.format(at);
  }
}
