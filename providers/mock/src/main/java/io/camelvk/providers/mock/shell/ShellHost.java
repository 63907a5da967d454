package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Where a shell runs, for what depends on it: how time passes (an exec's real time, or a container
 * program's own time) and what a program the mock does not have does.
 */
public interface ShellHost {

  /** A sleep that only ends when the process is stopped ({@code sleep infinity}). */
  Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  /** Waits this long; 0, or 130 when the wait was interrupted (Ctrl-C, the client went away). */
  int sleep(Duration duration, Stdio io) throws IOException;

  /** Runs a program the mock does not have and returns its exit code. */
  int unknownProgram(String name, Stdio io) throws IOException;

  /** Called at each turn of a loop; false stops the loop (the process was interrupted). */
  boolean loopTurn();

  /** The time as the process sees it. */
  Clock clock();
}
