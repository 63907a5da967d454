package io.camelvk.api;

import io.camelvk.provider.LogOptions;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Decodes a {@code /containerLogs} query into {@link LogOptions} as the kubelet does: the legacy
 * {@code tail=N|all}; 400 {@code Unable to decode query.} for values that do not parse, 422 {@code
 * Invalid request.} for values that ValidatePodLogOptions refuses.
 */
final class LogQuery {

  static final String UNDECODABLE = "{\"message\": \"Unable to decode query.\"}";
  static final String INVALID = "{\"message\": \"Invalid request.\"}";

  /** A query the kubelet refuses, with its status and message. */
  static final class Refused extends Exception {
    private final HttpResponseStatus status;

    Refused(HttpResponseStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    HttpResponseStatus status() {
      return status;
    }
  }

  private LogQuery() {}

  static LogOptions parse(Map<String, List<String>> query, Clock clock) throws Refused {
    String tail = first(query, "tail");
    String tailLines =
        tail != null ? (tail.equals("all") ? null : tail) : first(query, "tailLines");
    Long tailValue = number(tailLines);
    Long limitBytes = number(first(query, "limitBytes"));
    Long sinceSeconds = number(first(query, "sinceSeconds"));
    Instant sinceTime = time(first(query, "sinceTime"));
    if ((tailValue != null && tailValue < 0)
        || (limitBytes != null && limitBytes < 1)
        || (sinceSeconds != null && sinceTime != null)
        || (sinceSeconds != null && sinceSeconds < 1)
        || query.containsKey("stream")) {
      throw new Refused(HttpResponseStatus.UNPROCESSABLE_ENTITY, INVALID);
    }
    Instant since = sinceSeconds != null ? clock.instant().minusSeconds(sinceSeconds) : sinceTime;
    return new LogOptions(
        tailValue == null ? null : (int) Math.min(Integer.MAX_VALUE, tailValue),
        since,
        limitBytes,
        flag(query, "timestamps"),
        flag(query, "previous"),
        flag(query, "follow"));
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Go's query conversion: absent is false, {@code 0} and {@code false} are false, all else true.
   */
  private static boolean flag(Map<String, List<String>> query, String name) {
    String value = first(query, name);
    return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
  }

  private static Long number(String text) throws Refused {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Refused(HttpResponseStatus.BAD_REQUEST, UNDECODABLE);
    }
  }

  private static Instant time(String text) throws Refused {
    if (text == null || text.isEmpty() || text.equals("null")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refused(HttpResponseStatus.BAD_REQUEST, UNDECODABLE);
    }
  }
}
