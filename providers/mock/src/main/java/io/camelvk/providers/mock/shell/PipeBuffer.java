package io.camelvk.providers.mock.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What a command of a pipeline writes for the next one, which runs after it ends. It holds at most
 * {@link #CAPACITY} bytes, so that a writer that never ends (a loop, as in {@code while true; do
 * echo x; done | head -1}) cannot take all memory: past that it ends as if the reader had closed
 * the pipe ({@link Full}, exit code 141, SIGPIPE's), and the reader gets what was written.
 */
final class PipeBuffer extends OutputStream {

  /** Far above what kubectl cp's {@code tar | tail -c +N} of a test's files needs. */
  static final int CAPACITY = 64 << 20;

  /** The exit code of a process that wrote to a closed pipe (128 + SIGPIPE). */
  static final int BROKEN_PIPE = 141;

  /** Thrown to the writer that filled the pipe. */
  static final class Full extends IOException {
    Full() {
      super("pipe full", null);
    }
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final int capacity;

  PipeBuffer() {
    this(CAPACITY);
  }

  PipeBuffer(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    int room = capacity - bytes.size();
    bytes.write(buffer, offset, Math.min(room, length));
    if (length > room) {
      throw new Full();
    }
  }

  /** What was written, for the next command to read. */
  InputStream reader() {
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
