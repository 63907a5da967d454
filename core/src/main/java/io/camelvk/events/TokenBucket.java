package io.camelvk.events;

import java.time.Clock;
import java.time.Duration;

/** A token bucket: {@code burst} tokens, refilled at {@code perSecond}, read from the clock. */
final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private double tokens;
  private long lastNanos;

  TokenBucket(double perSecond, int burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastNanos = nanos();
  }

  /** Takes a token if there is one. */
  synchronized boolean tryTake() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** How long until a token is there; zero when one is. */
  synchronized Duration untilNext() {
    refill();
    return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - tokens) / perSecond * 1e9));
  }

  private void refill() {
    long now = nanos();
    tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
    lastNanos = now;
  }

  private long nanos() {
    return EventTimes.nanos(clock.instant());
  }
}
