package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The host of an exec: real time (a sleep is interrupted by Ctrl-C on the terminal or by the
 * session's end), and a program the mock does not have is {@code command not found} (127).
 */
final class ExecHost implements ShellHost {

  /** The longest wait a thread can be asked for, about 292 years. */
  private static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);

  private final Clock clock;

  ExecHost(Clock clock) {
    this.clock = clock;
  }

  @Override
  public int sleep(Duration duration, Stdio io) {
    Duration wait = duration.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : duration;
    try {
      if (io.terminal().isPresent()) {
        return io.terminal().get().sleep(wait) ? 0 : Builtins.INTERRUPTED;
      }
      Thread.sleep(wait);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Builtins.INTERRUPTED;
    }
  }

  @Override
  public int unknownProgram(String name, Stdio io) throws IOException {
    io.error(name + ": command not found");
    return Shell.NOT_FOUND;
  }

  @Override
  public boolean loopTurn() {
    return !Thread.currentThread().isInterrupted();
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
