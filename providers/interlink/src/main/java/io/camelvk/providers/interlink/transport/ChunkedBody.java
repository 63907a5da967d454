package io.camelvk.providers.interlink.transport;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@code Transfer-Encoding: chunked} body, as Go's server sends a streamed one (a followed log),
 * decoded chunk by chunk as it arrives; closing it closes the connection.
 */
final class ChunkedBody extends InputStream {

  private final InputStream in;
  private long leftInChunk;
  private boolean ended;

  ChunkedBody(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (ended || !nextChunkIfNeeded()) {
      return -1;
    }
    int read = in.read(buffer, offset, (int) Math.min(length, leftInChunk));
    if (read < 0) {
      throw new IOException("the connection closed in the middle of a chunk");
    }
    leftInChunk -= read;
    if (leftInChunk == 0) {
      Http1Response.line(in);
    }
    return read;
  }

  private boolean nextChunkIfNeeded() throws IOException {
    if (leftInChunk > 0) {
      return true;
    }
    String size = Http1Response.line(in);
    int extension = size.indexOf(';');
    leftInChunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    if (leftInChunk == 0) {
      ended = true;
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
