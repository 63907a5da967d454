package io.camelvk.providers.mock.logs;

import io.camelvk.providers.mock.pod.ContainerTimeline;
import io.camelvk.providers.mock.pod.InstanceRun;
import io.camelvk.providers.mock.pod.LogLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A followed mock log ({@code follow=true}, attach): the lines so far, then each new line when its
 * time comes, until the container instance stops running or the reader closes the stream.
 */
public final class LogFollower extends InputStream {

  /** The longest wait before the instance is looked at again. */
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

  private final ContainerTimeline timeline;
  private final int instance;
  private final InstanceRun run;
  private final boolean timestamps;
  private final Clock clock;
  private final Object wakeUp = new Object();
  private long next;
  private InputStream current;
  private volatile boolean closed;

  /**
   * @param next the number of the first line to follow
   * @param sofar what to serve before it
   */
  public LogFollower(
      ContainerTimeline timeline,
      int instance,
      InstanceRun run,
      long next,
      byte[] sofar,
      boolean timestamps,
      Clock clock) {
    this.timeline = timeline;
    this.instance = instance;
    this.run = run;
    this.next = next;
    this.current = new ByteArrayInputStream(sofar);
    this.timestamps = timestamps;
    this.clock = clock;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    while (!closed) {
      int read = current.read(buffer, offset, length);
      if (read > 0) {
        return read;
      }
      if (!awaitLines()) {
        return -1;
      }
    }
    return -1;
  }

  /** Waits for the next lines; false when the instance stopped running first. */
  private boolean awaitLines() throws IOException {
    while (!closed) {
      Instant now = clock.instant();
      List<LogLine> lines = run.lines(next, now);
      if (!lines.isEmpty()) {
        next = lines.getLast().number() + 1;
        current = new ByteArrayInputStream(InstanceLog.formatAll(lines, timestamps));
        return true;
      }
      ContainerTimeline.Moment then = timeline.at(now);
      if (then.instance() != instance || then.state().getRunning() == null) {
        return false;
      }
      waitUntil(run.nextLine(now), now);
    }
    return false;
  }

  private void waitUntil(Instant due, Instant now) throws IOException {
    Duration wait = due == null ? LONGEST_WAIT : Duration.between(now, due);
    synchronized (wakeUp) {
      try {
        if (!closed) {
          wakeUp.wait(Math.max(1, Math.min(wait.toMillis(), LONGEST_WAIT.toMillis())));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while following the log", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }
}
