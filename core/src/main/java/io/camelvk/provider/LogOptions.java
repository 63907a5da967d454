package io.camelvk.provider;

import java.time.Instant;

/**
 * The kubelet's log query: {@code tailLines}, {@code sinceTime}/{@code sinceSeconds} (as an
 * instant), {@code limitBytes}, {@code timestamps}, {@code previous}, {@code follow}. Null means
 * unset.
 */
public record LogOptions(
    Integer tailLines,
    Instant since,
    Long limitBytes,
    boolean timestamps,
    boolean previous,
    boolean follow) {

  public static final LogOptions ALL = new LogOptions(null, null, null, false, false, false);
}
