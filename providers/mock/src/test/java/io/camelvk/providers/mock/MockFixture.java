package io.camelvk.providers.mock;

import io.camelvk.test.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** A mock provider with its notification thread, for a unit test to close after each test. */
final class MockFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MockProvider provider;

  private MockFixture(Clock clock) {
    provider = new MockProvider(MockProviderConfig.defaults(), clock, scheduler);
  }

  /** On a clock that stands still at {@link #START}. */
  static MockFixture standingStill() {
    return new MockFixture(new MutableClock(START));
  }

  /** On the system clock, for containers that must live and exit in real time. */
  static MockFixture realTime() {
    return new MockFixture(Clock.systemUTC());
  }

  MockProvider provider() {
    return provider;
  }

  @Override
  public void close() {
    provider.close();
    scheduler.shutdownNow();
  }
}
