package io.camelvk.providers.interlink;

import io.camelvk.provider.ProviderException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A circuit breaker in front of one backend (resilience4j): after half of the last calls failed (a
 * connection error or a 5xx) it opens, and calls fail at once, without holding a worker, until a
 * probe call gets through. A 4xx is an answer, not a failure of the backend.
 */
final class BackendBreaker {

  /** Calls looked at to decide. */
  static final int WINDOW = 10;

  /** Failed share of the window that opens the circuit. */
  static final float FAILURE_RATE_PERCENT = 50;

  /** How long an open circuit refuses calls before it lets probes through. */
  static final Duration OPEN_FOR = Duration.ofSeconds(10);

  private final CircuitBreaker breaker;
  private final String backend;

  BackendBreaker(String backend) {
    this.backend = backend;
    this.breaker =
        CircuitBreaker.of(
            "interlink",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(WINDOW)
                .minimumNumberOfCalls(WINDOW / 2)
                .failureRateThreshold(FAILURE_RATE_PERCENT)
                .waitDurationInOpenState(OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
  }

  /** A call may go out; else the backend is taken as down and the call fails. */
  long admit() {
    if (!breaker.tryAcquirePermission()) {
      throw ProviderException.transientFailure(
          "interLink backend "
              + backend
              + " is unavailable: the circuit is open after repeated failures; next try within "
              + OPEN_FOR.toSeconds()
              + " s");
    }
    return System.nanoTime();
  }

  void succeeded(long started) {
    breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  void failed(long started, Throwable cause) {
    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, cause);
  }

  /** Runs the listener whenever the circuit opens, half-opens or closes. */
  void onStateChange(Runnable listener) {
    breaker.getEventPublisher().onStateTransition(event -> listener.run());
  }

  boolean open() {
    return breaker.getState() == CircuitBreaker.State.OPEN;
  }
}
