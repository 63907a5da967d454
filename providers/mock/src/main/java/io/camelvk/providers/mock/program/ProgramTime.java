package io.camelvk.providers.mock.program;

import io.camelvk.providers.mock.pod.InstanceRun.Exit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A program's own time, shared by the program's thread and the questions about its instance ({@link
 * ProgramRun}). It starts with the instance and moves only with the program's sleeps and loop
 * turns, and only as far as a question allows ({@link #advanceTo}); the program's exit stops it.
 */
final class ProgramTime {

  /** How long a question waits for a busy program to reach the time it asks about. */
  static final Duration PATIENCE = Duration.ofSeconds(2);

  /**
   * Where the program is once a question let it run: asleep until {@code wakeAt} (null while it
   * runs, {@link Instant#MAX} without end), exited, or waiting for input.
   */
  record Position(Instant wakeAt, Exit exit, boolean awaitingInput) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private Instant allowed;
  private volatile Instant now;
  private Instant wakeAt;
  private Exit exit;
  private boolean stopped;
  private boolean awaitingInput;

  ProgramTime(Instant start) {
    this.allowed = start;
    this.now = start;
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
   * The program waits for input, asleep without end, until {@code take} (asked under the time's
   * lock) answers some: {@link #inputArrived} wakes it at the time the input came. Input taken that
   * came after the program's time ({@code arrivedAt}) is read at its arrival: a program does not
   * read what has not come yet.
   *
   * @throws ProgramStopped when the instance is stopped meanwhile
   */
  <T> T awaitInput(Supplier<Optional<T>> take, Function<T, Instant> arrivedAt) {
    lock.lock();
    try {
      for (Optional<T> taken = take.get(); ; taken = take.get()) {
        if (taken.isPresent()) {
          Instant arrival = arrivedAt.apply(taken.get());
          if (arrival.isAfter(now)) {
            sleep(Duration.between(now, arrival));
          }
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
   * Input came at {@code at}: {@code store} keeps it under the time's lock, and it wakes the
   * program at the first arrival since it waits (a later one before it woke leaves that).
   */
  void inputArrived(Instant at, Runnable store) {
    lock.lock();
    try {
      store.run();
      allowed = at.isAfter(allowed) ? at : allowed;
      Instant arrival = at.isAfter(now) ? at : now;
      if (awaitingInput && arrival.isBefore(wakeAt)) {
        wakeAt = arrival;
      }
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets the program run until {@code time} and waits (at most {@link #PATIENCE}) until it got
   * there: it exited, or it sleeps until after {@code time}.
   *
   * @return where the program then is
   */
  Position advanceTo(Instant time) {
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
    return position();
  }

  /** The program ended now with {@code code}; {@code last} runs first, under the time's lock. */
  void exited(int code, Runnable last) {
    lock.lock();
    try {
      last.run();
      exit = new Exit(now, code);
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the program's time: its sleep throws {@link ProgramStopped}. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private Position position() {
    lock.lock();
    try {
      return new Position(wakeAt, exit, awaitingInput);
    } finally {
      lock.unlock();
    }
  }
}
