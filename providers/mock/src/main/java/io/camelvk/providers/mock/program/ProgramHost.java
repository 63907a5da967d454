package io.camelvk.providers.mock.program;

import io.camelvk.providers.mock.process.Stdio;
import io.camelvk.providers.mock.shell.ShellHost;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The host of a container's program: time is the program's own ({@link ProgramTime}), and a program
 * the mock does not have runs until the container is stopped, saying so once in the log.
 */
final class ProgramHost implements ShellHost {

  /** The time a loop turn takes, so that a loop that never sleeps cannot outrun the clock. */
  static final Duration LOOP_TURN = Duration.ofMillis(1);

  private final ProgramTime time;
  private final Clock clock = new ProgramClock();

  ProgramHost(ProgramTime time) {
    this.time = time;
  }

  static String unknownProgramLine(String name) {
    return "mock: "
        + name
        + " is not a program the mock knows; the container runs until it is stopped";
  }

  @Override
  public int sleep(Duration duration, Stdio io) {
    time.sleep(duration);
    return 0;
  }

  @Override
  public int unknownProgram(String name, Stdio io) throws IOException {
    io.print(unknownProgramLine(name) + "\n");
    time.sleep(FOREVER);
    return 0;
  }

  @Override
  public boolean loopTurn() {
    time.sleep(LOOP_TURN);
    return true;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** The program's time as a clock (for tar's file times). */
  private final class ProgramClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return time.now();
    }
  }
}
