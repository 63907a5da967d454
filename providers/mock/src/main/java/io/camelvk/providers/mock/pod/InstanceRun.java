package io.camelvk.providers.mock.pod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One instance of a container, from its start until it exits: what annotations script ({@link
 * ScriptedRun}) or the container's command run in the mock's shell (see {@link ProgramStarter}).
 * Every answer is for a point in time, so the mock's state stays a function of its clock.
 */
public interface InstanceRun {

  /** The most lines an instance keeps in its log; older ones are dropped. */
  int MAX_LINES = 10_000;

  /**
   * An instance's end: when, its exit code, and the runtime's message (null, or why it was killed).
   */
  record Exit(Instant at, int code, String message) {
    public Exit(Instant at, int code) {
      this(at, code, null);
    }
  }

  /** The instance's exit, if it has exited by {@code until}. */
  Optional<Exit> exitBy(Instant until);

  /** The next instant after {@code now} at which it may exit, or null when it cannot. */
  Instant nextChange(Instant now);

  /** Its log lines numbered {@code first} on that were written by {@code until}. */
  List<LogLine> lines(long first, Instant until);

  /** When a line after {@code now} may be written next, or null when none will be. */
  Instant nextLine(Instant now);

  /** Its stdin, when its container has one and the instance runs a program that reads it. */
  default Optional<InstanceInput> input() {
    return Optional.empty();
  }

  /** Ends the instance: its pod was deleted or replaced. */
  default void stop() {}
}
