package io.camelvk.providers.mock.pod;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a container waits in CrashLoopBackOff before a restart. The kubelet's back-off: the
 * first restart at once, then {@link #INITIAL} doubling up to {@link #MAX}, started over when an
 * instance ran longer than {@link #STABLE} (client-go's flowcontrol.Backoff, which the kubelet
 * makes with backOffPeriod and MaxContainerBackOff, forgets an entry not updated for twice its
 * maximum). Or, with {@code mock.camelvk.io/restart-delay}, the same wait before every restart.
 */
final class RestartBackOff {

  /** The kubelet's backOffPeriod: the first wait. */
  static final Duration INITIAL = Duration.ofSeconds(10);

  /** The kubelet's MaxContainerBackOff: the longest wait. */
  static final Duration MAX = Duration.ofMinutes(5);

  /** How long an instance must run for the back-off to start over. */
  static final Duration STABLE = MAX.multipliedBy(2);

  private final Duration fixed;
  private Duration current;

  /**
   * @param fixed the wait before every restart, or null for the kubelet's back-off
   */
  RestartBackOff(Duration fixed) {
    this.fixed = fixed;
  }

  /** The wait after the instance that started at {@code started} and exited at {@code exited}. */
  Duration next(Instant started, Instant exited) {
    if (fixed != null) {
      return fixed;
    }
    if (current == null || Duration.between(started, exited).compareTo(STABLE) > 0) {
      current = INITIAL;
      return Duration.ZERO;
    }
    Duration wait = current;
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return wait;
  }
}
