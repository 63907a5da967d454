package io.camelvk.providers.mock.program;

import io.camelvk.providers.mock.pod.InstanceInput;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A program's stdin that attaches write to: the program reads each chunk at the time it came, and
 * waits for the next one as in a sleep without end, so that it costs nothing while nobody types.
 */
final class ProgramInput extends InputStream implements InstanceInput {

  private record Chunk(byte[] bytes, Instant at) {
    boolean isEnd() {
      return bytes == null;
    }
  }

  private final ProgramTime time;
  private final Deque<Chunk> pending = new ArrayDeque<>(); // guarded by the time's lock
  private Chunk current = new Chunk(new byte[0], Instant.MIN);
  private int position;

  ProgramInput(ProgramTime time) {
    this.time = time;
  }

  @Override
  public void write(byte[] bytes, Instant at) {
    byte[] copy = bytes.clone();
    time.inputArrived(at, () -> pending.add(new Chunk(copy, at)));
  }

  @Override
  public void end(Instant at) {
    time.inputArrived(at, () -> pending.add(new Chunk(null, at)));
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (!current.isEnd() && position == current.bytes().length) {
      current = time.awaitInput(this::take, Chunk::at);
      position = 0;
    }
    if (current.isEnd()) {
      return -1;
    }
    int n = Math.min(length, current.bytes().length - position);
    System.arraycopy(current.bytes(), position, buffer, offset, n);
    position += n;
    return n;
  }

  /** The next chunk; the end stays for every later read. */
  private Optional<Chunk> take() {
    Chunk next = pending.peek();
    if (next != null && !next.isEnd()) {
      pending.poll();
    }
    return Optional.ofNullable(next);
  }
}
