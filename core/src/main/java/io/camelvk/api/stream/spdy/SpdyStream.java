package io.camelvk.api.stream.spdy;

import io.camelvk.api.stream.ChannelOutputStream;
import io.camelvk.api.stream.InboundPipe;
import io.netty.channel.Channel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stream a client opened on a SPDY session: what the client sends arrives in {@link #input()}
 * (ending at its FIN or reset), what we write goes out as DATA frames. Each side closes its half
 * once: {@link #finish()} (FIN) or {@link #reset()} (RST_STREAM CANCEL).
 */
public final class SpdyStream {

  private final int id;
  private final Map<String, String> headers;
  private final Channel channel;
  private final InboundPipe input;
  private final ChannelOutputStream output;
  private final AtomicBoolean closedByUs = new AtomicBoolean();
  private final Runnable forget;
  private volatile boolean closedByClient;

  SpdyStream(int id, Map<String, String> headers, Channel channel, Runnable forget) {
    this.id = id;
    this.forget = forget;
    this.headers = Map.copyOf(headers);
    this.channel = channel;
    this.input =
        new InboundPipe(
            () -> channel.config().setAutoRead(false), () -> channel.config().setAutoRead(true));
    this.output = new ChannelOutputStream(channel, chunk -> new DefaultSpdyDataFrame(id, chunk));
  }

  public int id() {
    return id;
  }

  /** The first value of a header (names are lowercase on the wire), or "" when absent. */
  public String header(String name) {
    return headers.getOrDefault(name, "");
  }

  public InputStream input() {
    return input;
  }

  public OutputStream output() {
    return output;
  }

  /** Half-closes our side: an empty DATA frame with FIN, unless the stream is already closed. */
  public void finish() {
    output.close();
    if (closedByUs.compareAndSet(false, true)) {
      channel.writeAndFlush(new DefaultSpdyDataFrame(id).setLast(true));
    }
    forgetWhenClosed();
  }

  /** Aborts the stream both ways. */
  public void reset() {
    output.close();
    input.end();
    if (closedByUs.compareAndSet(false, true)) {
      channel.writeAndFlush(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.CANCEL));
    }
    forget.run();
  }

  void received(byte[] bytes, boolean last) {
    input.offer(bytes);
    if (last) {
      input.end();
      closedByClient = true;
      forgetWhenClosed();
    }
  }

  private void forgetWhenClosed() {
    if (closedByClient && closedByUs.get()) {
      forget.run();
    }
  }

  void resetByClient() {
    closedByUs.set(true);
    output.close();
    input.end();
  }

  void connectionClosed() {
    output.close();
    input.end();
  }
}
