package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * {@code kubectl logs -f} over the broker: the log the worker answered first, then each later
 * answer to the same request as it comes (a duplicate {@code logsequence} dropped), until the
 * worker says the container ended ({@code "end": true}), the worker falls silent, or the client
 * goes. Closing it before the worker ended it cancels the request, so that the worker stops
 * sending.
 */
final class FollowedLog extends InputStream {

  /** Put on the queue by {@link #close} to wake a reader that waits for the next answer. */
  private static final PendingRequests.Answer CLOSED =
      new PendingRequests.Answer("", MissingNode.getInstance(), -1);

  private final String worker;
  private final BlockingQueue<PendingRequests.Answer> answers;
  private final Duration silenceCheck;
  private final Predicate<String> alive;
  private final Runnable release;
  private final Runnable cancel;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean ended;
  private long last;
  private byte[] pending = new byte[0];
  private int position;

  /**
   * @param first the worker's first answer: the log so far
   * @param answers where the later answers to the request come
   * @param silenceCheck how long to wait for a line before asking whether the worker is alive
   * @param alive whether a worker has sent a heartbeat lately
   * @param release closes the request: a later answer is late
   * @param cancel tells the worker to stop sending
   */
  FollowedLog(
      PendingRequests.Answer first,
      BlockingQueue<PendingRequests.Answer> answers,
      Duration silenceCheck,
      Predicate<String> alive,
      Runnable release,
      Runnable cancel) {
    this.worker = first.worker();
    this.answers = answers;
    this.silenceCheck = silenceCheck;
    this.alive = alive;
    this.release = release;
    this.cancel = cancel;
    this.last = first.position() - 1;
    take(first);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (position == pending.length) {
      if (ended || closed.get()) {
        return -1;
      }
      PendingRequests.Answer next = next();
      if (next == null) {
        ended = !alive.test(worker);
      } else if (next != CLOSED) {
        take(next);
      }
    }
    int count = Math.min(length, pending.length - position);
    System.arraycopy(pending, position, buffer, offset, count);
    position += count;
    return count;
  }

  private PendingRequests.Answer next() throws IOException {
    try {
      return answers.poll(silenceCheck.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while following the log", e);
    }
  }

  /** An answer from another worker, or one already taken (delivered twice), is left out. */
  private void take(PendingRequests.Answer answer) {
    if (!worker.equals(answer.worker()) || (answer.position() >= 0 && answer.position() <= last)) {
      return;
    }
    last = Math.max(last, answer.position());
    pending = answer.data().path("text").asText("").getBytes(StandardCharsets.UTF_8);
    position = 0;
    if (answer.data().path("end").asBoolean(false)) {
      ended = true;
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    release.run();
    answers.offer(CLOSED);
    if (!ended) {
      cancel.run();
    }
  }
}
