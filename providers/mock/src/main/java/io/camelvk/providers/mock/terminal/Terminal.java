package io.camelvk.providers.mock.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The terminal of a tty session: like a kernel tty it reads the client's keys as they come (on a
 * thread of its own), echoes them at once and edits lines ({@link LineDiscipline}); processes read
 * whole lines, write through ONLCR ({@link TtyOutput}), and Ctrl-C interrupts the one reading or
 * sleeping. When the client's input ends (a hangup) an unfinished line is dropped and readers get
 * end of input.
 */
public final class Terminal implements AutoCloseable, LineDiscipline.Events {

  private static final int KEY_BUFFER_BYTES = 4096;
  private static final byte[] END_OF_INPUT = new byte[0];

  private final InputStream keys;
  private final OutputStream screen;
  private final LineDiscipline discipline = new LineDiscipline();
  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantLock screenLock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<byte[]> lines = new ArrayDeque<>();
  private final Thread pump;
  private byte[] current = new byte[0];
  private int position;
  private boolean hungUp;
  private boolean interruptPending;

  public Terminal(InputStream keys, OutputStream screen) {
    this.keys = keys;
    this.screen = screen;
    this.pump = Thread.ofVirtual().name("mock-terminal").start(this::pumpKeys);
  }

  private void pumpKeys() {
    byte[] buffer = new byte[KEY_BUFFER_BYTES];
    try {
      for (int n; (n = keys.read(buffer)) >= 0; ) {
        discipline.keys(buffer, n, this);
      }
    } catch (IOException | UncheckedIOException e) {
      // the client went away or the session ended: a hangup either way
    }
    signal(() -> hungUp = true);
  }

  @Override
  public void echo(byte[] bytes) {
    try {
      write(bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void line(byte[] line) {
    signal(() -> lines.add(line.length == 0 ? END_OF_INPUT : line));
  }

  /** Ctrl-C: the foreground process is interrupted and the input not yet read is dropped. */
  @Override
  public void interrupt() {
    signal(
        () -> {
          interruptPending = true;
          lines.clear();
          position = current.length;
        });
  }

  /** What processes read: whole lines; throws {@link TerminalInterrupt} after a Ctrl-C. */
  int read(byte[] target, int offset, int length) throws IOException {
    lock.lock();
    try {
      while (position == current.length) {
        takeInterrupt();
        if (!lines.isEmpty()) {
          current = lines.poll();
          position = 0;
          if (current == END_OF_INPUT) {
            return -1;
          }
        } else if (hungUp) {
          return -1;
        } else {
          changed.await();
        }
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, target, offset, n);
      position += n;
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the session ended");
    } finally {
      lock.unlock();
    }
  }

  /** Sleeps; false when a Ctrl-C came first. */
  public boolean sleep(Duration duration) throws InterruptedException {
    lock.lock();
    try {
      long left = duration.toNanos();
      while (left > 0 && !interruptPending) {
        left = changed.awaitNanos(left);
      }
      boolean interrupted = interruptPending;
      interruptPending = false;
      return !interrupted;
    } finally {
      lock.unlock();
    }
  }

  /** Writes to the client's screen; the pump's echo and the processes' output never interleave. */
  void write(byte[] bytes, int offset, int length) throws IOException {
    screenLock.lock();
    try {
      screen.write(bytes, offset, length);
      screen.flush();
    } finally {
      screenLock.unlock();
    }
  }

  /** The terminal as processes read it. */
  public InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return Terminal.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) throws IOException {
        return length == 0 ? 0 : Terminal.this.read(target, offset, length);
      }
    };
  }

  private void takeInterrupt() throws TerminalInterrupt {
    if (interruptPending) {
      interruptPending = false;
      throw new TerminalInterrupt();
    }
  }

  private void signal(Runnable change) {
    lock.lock();
    try {
      change.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The session is over: stop reading the client's keys. */
  @Override
  public void close() {
    pump.interrupt();
    signal(() -> hungUp = true);
  }
}
