package io.camelvk.providers.mock.logs;

import io.camelvk.providers.mock.pod.ContainerTimeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A followed mock log ({@code follow=true}): the lines so far, then each new line when its second
 * comes, until the container instance stops running or the reader closes the stream.
 */
public final class LogFollower extends InputStream {

  private final String podKey;
  private final String container;
  private final ContainerTimeline timeline;
  private final ContainerTimeline.Moment followed;
  private final boolean timestamps;
  private final Clock clock;
  private final Object wakeUp = new Object();
  private long nextSecond;
  private InputStream current;
  private volatile boolean closed;

  public LogFollower(
      String podKey,
      String container,
      ContainerTimeline timeline,
      ContainerTimeline.Moment followed,
      byte[] sofar,
      boolean timestamps,
      Clock clock) {
    this.podKey = podKey;
    this.container = container;
    this.timeline = timeline;
    this.followed = followed;
    this.timestamps = timestamps;
    this.clock = clock;
    this.current = new ByteArrayInputStream(sofar);
    this.nextSecond =
        Math.max(0, Duration.between(followed.instanceStart(), clock.instant()).toSeconds()) + 1;
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
      if (!awaitNextLine()) {
        return -1;
      }
    }
    return -1;
  }

  /** Waits for the next line's second; false when the instance no longer runs by then. */
  private boolean awaitNextLine() throws IOException {
    Instant due = followed.instanceStart().plusSeconds(nextSecond);
    synchronized (wakeUp) {
      for (Instant now = clock.instant(); now.isBefore(due) && !closed; now = clock.instant()) {
        try {
          wakeUp.wait(Math.max(1, Duration.between(now, due).toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while following the log", e);
        }
      }
    }
    ContainerTimeline.Moment then = timeline.at(due);
    if (closed || then.instance() != followed.instance() || then.state().getRunning() == null) {
      return false;
    }
    var line =
        InstanceLog.line(
            podKey, container, followed.instance(), followed.instanceStart(), nextSecond++);
    current =
        new ByteArrayInputStream(
            InstanceLog.format(line, timestamps).getBytes(StandardCharsets.UTF_8));
    return true;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }
}
