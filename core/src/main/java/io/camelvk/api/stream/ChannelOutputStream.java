package io.camelvk.api.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * What a provider writes (stdout, stderr, a forwarded connection), sent as frames of one transport
 * ({@code frame} wraps each chunk: a WebSocket message with a channel byte, a SPDY data frame...).
 * Each write is flushed; a writer waits while the socket cannot take more, so a slow client slows
 * the provider instead of filling memory.
 */
public final class ChannelOutputStream extends OutputStream {

  public static final int MAX_CHUNK_BYTES = 32 * 1024;

  private final Channel channel;
  private final Function<ByteBuf, Object> frame;
  private volatile boolean closed;

  public ChannelOutputStream(Channel channel, Function<ByteBuf, Object> frame) {
    this.channel = channel;
    this.frame = frame;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int from, int length) throws IOException {
    for (int done = 0; done < length; ) {
      int n = Math.min(MAX_CHUNK_BYTES, length - done);
      send(Unpooled.copiedBuffer(bytes, from + done, n));
      done += n;
    }
  }

  private void send(ByteBuf chunk) throws IOException {
    if (closed || !channel.isActive()) {
      chunk.release();
      throw new IOException("the client has gone away");
    }
    ChannelFuture written = channel.writeAndFlush(frame.apply(chunk));
    if (!channel.isWritable()) {
      try {
        written.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("the stream was closed");
      }
      if (!written.isSuccess()) {
        throw new IOException("the client has gone away", written.cause());
      }
    }
  }

  /** No more writes go out; the transport sends its own end-of-stream marker. */
  @Override
  public void close() {
    closed = true;
  }
}
