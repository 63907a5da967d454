package io.camelvk.providers.mock.program;

import io.camelvk.provider.TerminalResizes;
import io.camelvk.providers.mock.pod.InstanceInput;
import io.camelvk.providers.mock.pod.InstanceRun;
import io.camelvk.providers.mock.pod.LogLine;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One instance of a container's program: its command, run by the mock's shell on a virtual thread
 * of its own, in the program's own time ({@link ProgramTime}). That time moves only as far as a
 * question about the instance asks, so what the program writes and when it exits are a function of
 * the mock's clock, like everything else the mock reports, and a program that loops forever costs
 * nothing while nobody asks about it.
 */
final class ProgramRun implements InstanceRun {

  /** The body of a program: the shell running the command on the program's streams. */
  @FunctionalInterface
  interface Program {
    int run(Stdio io) throws IOException;
  }

  /**
   * How far ahead of the clock {@link #nextChange} lets the program run to find its exit: a program
   * that sleeps in a loop is looked at about this often, not at each of its wake-ups.
   */
  static final Duration LOOKAHEAD = Duration.ofSeconds(5);

  /** The exit code of a program the shell itself failed on. */
  static final int FAILED = 1;

  /** When a busy program is looked at again for the lines it may have written. */
  private static final Duration GLANCE = Duration.ofMillis(100);

  private final ProgramTime time;
  private final ProgramOutput output;
  private final Optional<ProgramInput> input;

  /**
   * @param stdin whether the program has a stdin that attaches write to (else it reads nothing)
   */
  ProgramRun(Instant start, boolean stdin) {
    this.time = new ProgramTime(start);
    this.output = new ProgramOutput(time::now);
    this.input = stdin ? Optional.of(new ProgramInput(time)) : Optional.empty();
  }

  /** The program's own time, which its host sleeps in. */
  ProgramTime time() {
    return time;
  }

  @Override
  public Optional<InstanceInput> input() {
    return input.map(InstanceInput.class::cast);
  }

  /** Starts the program on a virtual thread of this name. */
  void begin(String name, Program program) {
    Thread.ofVirtual().name(name).start(() -> body(program));
  }

  @Override
  public Optional<Exit> exitBy(Instant until) {
    Exit exit = time.advanceTo(until).exit();
    return exit != null && !exit.at().isAfter(until) ? Optional.of(exit) : Optional.empty();
  }

  @Override
  public Instant nextChange(Instant now) {
    Instant ahead = now.plus(LOOKAHEAD);
    ProgramTime.Position position = time.advanceTo(ahead);
    if (position.exit() != null) {
      return position.exit().at().isAfter(now) ? position.exit().at() : null;
    }
    Instant wakeAt = position.wakeAt();
    if (wakeAt != null && wakeAt.isAfter(ahead)) {
      return wakeAt.equals(Instant.MAX) ? null : wakeAt;
    }
    return ahead;
  }

  @Override
  public List<LogLine> lines(long first, Instant until) {
    time.advanceTo(until);
    return output.lines(first, until);
  }

  @Override
  public Instant nextLine(Instant now) {
    ProgramTime.Position position = time.advanceTo(now);
    if (position.awaitingInput()) {
      return now.plus(GLANCE);
    }
    Instant wakeAt = position.wakeAt();
    if (position.exit() != null || Instant.MAX.equals(wakeAt)) {
      return null;
    }
    return wakeAt != null && wakeAt.isAfter(now) ? wakeAt : now.plus(GLANCE);
  }

  @Override
  public void stop() {
    time.stop();
  }

  private void body(Program program) {
    int code;
    try {
      code =
          program.run(
              new Stdio(
                  input.map(InputStream.class::cast).orElse(InputStream.nullInputStream()),
                  output,
                  output,
                  Optional.empty(),
                  new TerminalResizes()));
    } catch (ProgramStopped e) {
      return;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      byte[] line = ("mock: the program failed: " + e + "\n").getBytes(StandardCharsets.UTF_8);
      output.write(line, 0, line.length);
      code = FAILED;
    }
    time.exited(code, output::end);
  }
}
