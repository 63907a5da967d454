package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times as the API server keeps them: RFC 3339 in whole seconds ({@code metav1.Time}). A time a
 * provider reports with a fraction is cut to its second before it is written, or it would differ
 * from what the API server gives back, and the status would be written again at every sync.
 */
final class ApiTimes {

  private static final String WHOLE_SECONDS_UTC = "2026-12-07T10:00:00Z";

  private ApiTimes() {}

  /** The time in whole seconds; null stays null, and what is not a time is left as it is. */
  static String seconds(String time) {
    if (time == null || isWholeSecondsUtc(time)) {
      return time;
    }
    try {
      return DateTimeFormatter.ISO_INSTANT.format(
          Instant.parse(time).truncatedTo(ChronoUnit.SECONDS));
    } catch (DateTimeParseException e) {
      return time;
    }
  }

  /** What {@link #seconds(String)} writes: {@code 2026-12-07T10:00:00Z}. */
  private static boolean isWholeSecondsUtc(String time) {
    return time.length() == WHOLE_SECONDS_UTC.length()
        && time.charAt(WHOLE_SECONDS_UTC.length() - 1) == 'Z'
        && time.indexOf('.') < 0;
  }

  /** The state with its start and finish times in whole seconds (itself when they are). */
  static ContainerState seconds(ContainerState state) {
    if (state == null || inWholeSeconds(state)) {
      return state;
    }
    ContainerStateBuilder in = new ContainerStateBuilder(state);
    if (state.getRunning() != null) {
      in.editRunning().withStartedAt(seconds(state.getRunning().getStartedAt())).endRunning();
    }
    if (state.getTerminated() != null) {
      in.editTerminated()
          .withStartedAt(seconds(state.getTerminated().getStartedAt()))
          .withFinishedAt(seconds(state.getTerminated().getFinishedAt()))
          .endTerminated();
    }
    return in.build();
  }

  private static boolean inWholeSeconds(ContainerState state) {
    var running = state.getRunning();
    var terminated = state.getTerminated();
    return (running == null || isWholeOrNull(running.getStartedAt()))
        && (terminated == null
            || (isWholeOrNull(terminated.getStartedAt())
                && isWholeOrNull(terminated.getFinishedAt())));
  }

  private static boolean isWholeOrNull(String time) {
    return time == null || isWholeSecondsUtc(time);
  }
}
