package io.camelvk.providers.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code sequence} of each command about a pod: strictly increasing per pod, and taken from the
 * clock (microseconds since the epoch) so that a restarted process goes on above what the one
 * before it sent, without storing anything. Written as 20 digits, so that, as the CloudEvents
 * sequence extension asks, comparing the strings compares the numbers.
 */
final class PodSequences {

  private static final long MICROS_PER_MILLI = 1_000;

  private final Map<String, Long> last = new ConcurrentHashMap<>();
  private final Clock clock;

  PodSequences(Clock clock) {
    this.clock = clock;
  }

  String next(String podUid) {
    long now = clock.millis() * MICROS_PER_MILLI;
    return format(last.merge(podUid, now, (previous, ignored) -> Math.max(previous + 1, now)));
  }

  void forget(String podUid) {
    last.remove(podUid);
  }

  /** How many pods have a last sequence. */
  int size() {
    return last.size();
  }

  static String format(long sequence) {
    return String.format("%020d", sequence);
  }
}
