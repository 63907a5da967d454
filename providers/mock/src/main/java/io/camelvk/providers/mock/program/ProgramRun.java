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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One instance of a container's program: its command, run by the mock's shell on a virtual thread
 * of its own, in the program's own time. That time starts with the instance and moves only with the
 * program's sleeps and loop turns ({@link ProgramHost}), and only as far as a question about the
 * instance asks ({@link #advanceTo}). So what the program writes and when it exits are a function
 * of the mock's clock, like everything else the mock reports, and a program that loops forever
 * costs nothing while nobody asks about it.
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

  /** How long a question waits for a busy program to reach the time it asks about. */
  static final Duration PATIENCE = Duration.ofSeconds(2);

  /** The exit code of a program the shell itself failed on. */
  static final int FAILED = 1;

  /** When a busy program is looked at again for the lines it may have written. */
  private static final Duration GLANCE = Duration.ofMillis(100);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private final ProgramOutput output = new ProgramOutput(this::now);
  private Instant allowed;
  private volatile Instant now;
  private Instant wakeAt;
  private Exit exit;
  private boolean stopped;
  private boolean awaitingInput;
  private final Optional<ProgramInput> input;

  /**
   * @param stdin whether the program has a stdin that attaches write to (else it reads nothing)
   */
  ProgramRun(Instant start, boolean stdin) {
    this.allowed = start;
    this.now = start;
    this.input = stdin ? Optional.of(new ProgramInput(this)) : Optional.empty();
  }

  @Override
  public Optional<InstanceInput> input() {
    return input.map(InstanceInput.class::cast);
  }

  /** Starts the program on a virtual thread of this name. */
  void begin(String name, Program program) {
    Thread.ofVirtual().name(name).start(() -> body(program));
  }

  /** The program's time. */
  Instant now() {
    return now;
  }

  /**
   * The program waits this long in its own time ({@link Duration} beyond {@link Instant#MAX}: until
   * it is stopped). Called on the program's thread; it goes on once a question asks about a time
   * past its wake-up.
   *
   * @throws ProgramStopped when the instance is stopped meanwhile
   */
  void sleep(Duration duration) {
    lock.lock();
    try {
      wakeAt =
          duration.compareTo(Duration.between(now, Instant.MAX)) >= 0
              ? Instant.MAX
              : now.plus(duration);
      moved.signalAll();
      while (!stopped && wakeAt.isAfter(allowed)) {
        moved.awaitUninterruptibly();
      }
      if (stopped) {
        throw new ProgramStopped();
      }
      now = wakeAt;
      wakeAt = null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The program waits for input, asleep without end, until {@code take} (asked under the run's
   * lock) answers some: {@link #inputArrived} wakes it at the time the input came.
   *
   * @throws ProgramStopped when the instance is stopped meanwhile
   */
  <T> T awaitInput(Supplier<Optional<T>> take) {
    lock.lock();
    try {
      for (Optional<T> taken = take.get(); ; taken = take.get()) {
        if (taken.isPresent()) {
          return taken.get();
        }
        awaitingInput = true;
        try {
          sleep(Duration.between(now, Instant.MAX));
        } finally {
          awaitingInput = false;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Input came at {@code at}: {@code store} keeps it under the run's lock, and it wakes the
   * program.
   */
  void inputArrived(Instant at, Runnable store) {
    lock.lock();
    try {
      store.run();
      allowed = at.isAfter(allowed) ? at : allowed;
      if (awaitingInput) {
        wakeAt = at.isAfter(now) ? at : now;
      }
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Exit> exitBy(Instant until) {
    advanceTo(until);
    lock.lock();
    try {
      return exit != null && !exit.at().isAfter(until) ? Optional.of(exit) : Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Instant nextChange(Instant time) {
    Instant ahead = time.plus(LOOKAHEAD);
    advanceTo(ahead);
    lock.lock();
    try {
      if (exit != null) {
        return exit.at().isAfter(time) ? exit.at() : null;
      }
      if (wakeAt != null && wakeAt.isAfter(ahead)) {
        return wakeAt.equals(Instant.MAX) ? null : wakeAt;
      }
      return ahead;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<LogLine> lines(long first, Instant until) {
    advanceTo(until);
    return output.lines(first, until);
  }

  @Override
  public Instant nextLine(Instant time) {
    advanceTo(time);
    lock.lock();
    try {
      if (awaitingInput) {
        return time.plus(GLANCE);
      }
      if (exit != null || Instant.MAX.equals(wakeAt)) {
        return null;
      }
      return wakeAt != null && wakeAt.isAfter(time) ? wakeAt : time.plus(GLANCE);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void stop() {
    lock.lock();
    try {
      stopped = true;
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets the program run until {@code time} and waits (at most {@link #PATIENCE}) until it got
   * there: it exited, or it sleeps until after {@code time}.
   */
  private void advanceTo(Instant time) {
    lock.lock();
    try {
      if (time.isAfter(allowed)) {
        allowed = time;
        moved.signalAll();
      }
      long left = PATIENCE.toNanos();
      while (exit == null && !stopped && (wakeAt == null || !wakeAt.isAfter(time)) && left > 0) {
        left = moved.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
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
    finish(code);
  }

  private void finish(int code) {
    lock.lock();
    try {
      output.end();
      exit = new Exit(now, code);
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
