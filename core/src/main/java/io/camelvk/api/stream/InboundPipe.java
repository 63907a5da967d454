package io.camelvk.api.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes that arrive from the network (a client's stdin, a forwarded connection), read by the
 * provider as an {@link InputStream}. The event loop offers chunks without blocking; when more than
 * {@link #HIGH_WATER_BYTES} wait, {@code pause} is called (stop reading the socket) and {@code
 * resume} once the reader has caught up.
 */
public final class InboundPipe extends InputStream {

  public static final int HIGH_WATER_BYTES = 256 * 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final Deque<byte[]> chunks = new ArrayDeque<>();
  private final Runnable pause;
  private final Runnable resume;
  private int queued;
  private int offset;
  private boolean ended;
  private boolean paused;

  public InboundPipe(Runnable pause, Runnable resume) {
    this.pause = pause;
    this.resume = resume;
  }

  /** Adds bytes from the client; ignored once the pipe has ended. */
  public void offer(byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    lock.lock();
    try {
      if (ended) {
        return;
      }
      chunks.add(bytes);
      queued += bytes.length;
      arrived.signalAll();
      if (queued > HIGH_WATER_BYTES && !paused) {
        paused = true;
        pause.run();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The client will send no more: readers get what is queued, then end of stream. */
  public void end() {
    lock.lock();
    try {
      ended = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int from, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    lock.lock();
    try {
      while (chunks.isEmpty() && !ended) {
        arrived.await();
      }
      if (chunks.isEmpty()) {
        return -1;
      }
      byte[] head = chunks.peek();
      int n = Math.min(length, head.length - offset);
      System.arraycopy(head, offset, target, from, n);
      offset += n;
      queued -= n;
      if (offset == head.length) {
        chunks.poll();
        offset = 0;
      }
      if (paused && queued <= HIGH_WATER_BYTES / 2) {
        paused = false;
        resume.run();
      }
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the stream was closed");
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return queued;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    end();
  }
}
