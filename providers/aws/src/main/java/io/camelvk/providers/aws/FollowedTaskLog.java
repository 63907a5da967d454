package io.camelvk.providers.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code kubectl logs -f} of a task's container: the log so far, then what CloudWatch Logs has
 * after it, asked every poll period on the reader's thread, until the task has ended (after one
 * last read) or the reader closes the stream (the client went away).
 */
final class FollowedTaskLog extends InputStream {

  private final Function<String, TaskLogs.Page> next;
  private final BooleanSupplier ended;
  private final Duration poll;
  private final boolean timestamps;
  private byte[] buffer;
  private int position;
  private String token;
  private volatile boolean closed;

  FollowedTaskLog(
      String start,
      String token,
      Function<String, TaskLogs.Page> next,
      BooleanSupplier ended,
      Duration poll,
      boolean timestamps) {
    this.buffer = start.getBytes(StandardCharsets.UTF_8);
    this.token = token;
    this.next = next;
    this.ended = ended;
    this.poll = poll;
    this.timestamps = timestamps;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    while (position == buffer.length) {
      if (closed || !fill()) {
        return -1;
      }
    }
    int count = Math.min(length, buffer.length - position);
    System.arraycopy(buffer, position, into, offset, count);
    position += count;
    return count;
  }

  /** Waits for more; false once there is no more to come. */
  private boolean fill() throws IOException {
    boolean last = ended.getAsBoolean();
    TaskLogs.Page page = next.apply(token);
    token = page.token() == null ? token : page.token();
    buffer = LogLines.format(page.events(), timestamps).getBytes(StandardCharsets.UTF_8);
    position = 0;
    if (buffer.length > 0) {
      return true;
    }
    if (last) {
      return false;
    }
    try {
      Thread.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while following the log");
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
  }
}
