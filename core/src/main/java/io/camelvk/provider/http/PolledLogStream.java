package io.camelvk.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A followed log for a backend that can only be asked for the whole log: what was shown first, then
 * every period the log asked again, of which only what follows the text seen before is given. It
 * ends when the log cannot be had any more (the pod or container is gone) or when it is closed (the
 * client went away); a failed ask (the backend is away) brings nothing new, and the next one goes
 * on from what was seen. A log that no longer starts with what was seen (the container restarted)
 * is taken as the new base, showing nothing of it twice.
 */
final class PolledLogStream extends InputStream {

  private final Supplier<Optional<String>> wholeLog;
  private final Duration period;
  private final Object lock = new Object();
  private String seen;
  private boolean gone;
  private byte[] pending;
  private int position;
  private boolean closed;

  /**
   * @param shown what the client was given first (a tail, say)
   * @param wholeLog asks the whole log now; empty when it is gone for good, an exception when it
   *     cannot be had just now
   */
  PolledLogStream(String shown, Supplier<Optional<String>> wholeLog, Duration period) {
    this.wholeLog = wholeLog;
    this.period = period;
    this.pending = shown.getBytes(StandardCharsets.UTF_8);
    poll();
    this.pending = shown.getBytes(StandardCharsets.UTF_8);
    this.position = 0;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    while (position == pending.length) {
      if (gone || !waitOnePeriod()) {
        return -1;
      }
      poll();
    }
    int count = Math.min(length, pending.length - position);
    System.arraycopy(pending, position, buffer, offset, count);
    position += count;
    return count;
  }

  /** Asks the log; what it gained since the last successful ask becomes pending. */
  private void poll() {
    Optional<String> now;
    try {
      now = wholeLog.get();
    } catch (RuntimeException notNow) {
      return;
    }
    if (now.isEmpty()) {
      gone = true;
      return;
    }
    String log = now.get();
    String added = seen != null && log.startsWith(seen) ? log.substring(seen.length()) : "";
    seen = log;
    pending = added.getBytes(StandardCharsets.UTF_8);
    position = 0;
  }

  /** False once closed. */
  private boolean waitOnePeriod() throws IOException {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      try {
        lock.wait(period.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while following the log", e);
      }
      return !closed;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }
}
