package io.camelvk.providers.mock.pod;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a container starts: at a fixed instant (the pod's start), or when the containers before it
 * let it (an init container completing, a sidecar starting). Either way the instant is a function
 * of the clock, so the mock's state stays one.
 */
public interface StartGate {

  /** The instant the container starts, if it starts by {@code now}. */
  Optional<Instant> openedBy(Instant now);

  /**
   * The instant after {@code now} at which the gate opens by itself, or null when it waits for
   * another container (whose own change is then the pod's next change).
   */
  Instant opensNext(Instant now);

  /** A gate that opens at {@code start}. */
  static StartGate at(Instant start) {
    return new StartGate() {
      @Override
      public Optional<Instant> openedBy(Instant now) {
        return now.isBefore(start) ? Optional.empty() : Optional.of(start);
      }

      @Override
      public Instant opensNext(Instant now) {
        return now.isBefore(start) ? start : null;
      }
    };
  }

  /** A gate that opens when {@code opening} says, by the change of another container. */
  static StartGate after(Function<Instant, Optional<Instant>> opening) {
    return new StartGate() {
      @Override
      public Optional<Instant> openedBy(Instant now) {
        return opening.apply(now);
      }

      @Override
      public Instant opensNext(Instant now) {
        return null;
      }
    };
  }
}
