package io.camelvk.providers.interlink.transport;

import java.io.IOException;
import java.io.InputStream;

/** A body of {@code Content-Length} bytes; closing it closes the connection. */
final class BoundedBody extends InputStream {

  private final InputStream in;
  private long left;

  BoundedBody(InputStream in, long length) {
    this.in = in;
    this.left = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (left <= 0) {
      return -1;
    }
    int read = in.read(buffer, offset, (int) Math.min(length, left));
    if (read > 0) {
      left -= read;
    }
    return read;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
