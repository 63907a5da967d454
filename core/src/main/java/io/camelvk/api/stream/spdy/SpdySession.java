package io.camelvk.api.stream.spdy;

import io.camelvk.api.stream.StreamIdleTimeout;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.spdy.DefaultSpdyGoAwayFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyHeadersFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a SPDY/3.1 session as spdystream clients expect it, behind Netty's {@code
 * SpdyFrameCodec}: every accepted SYN_STREAM gets a SYN_REPLY with no headers and no FIN, a
 * rejected one RST_STREAM; PINGs are echoed; DATA goes to its stream, FIN half-closes it. There is
 * no send-window flow control: spdystream never sends WINDOW_UPDATE, so SETTINGS and WINDOW_UPDATE
 * are ignored.
 */
public final class SpdySession extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(SpdySession.class);

  static final String STREAM_TYPE = "streamtype";

  private final SpdyStreamListener listener;
  private final Map<Integer, SpdyStream> streams = new ConcurrentHashMap<>();
  private volatile int lastStreamId;
  private volatile Channel channel;

  SpdySession(SpdyStreamListener listener) {
    this.listener = listener;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    try {
      switch (message) {
        case SpdySynStreamFrame syn -> opened(context, syn);
        case SpdyDataFrame data -> received(context, data);
        case SpdyRstStreamFrame rst -> resetByClient(rst.streamId());
        case SpdyHeadersFrame headers when headers.isLast() -> received(headers.streamId(), true);
        case SpdyPingFrame ping -> context.writeAndFlush(new DefaultSpdyPingFrame(ping.id()));
        case SpdyGoAwayFrame goAway -> context.close();
        default -> {
          // SETTINGS, WINDOW_UPDATE, HEADERS without FIN: nothing to do
        }
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  private void opened(ChannelHandlerContext context, SpdySynStreamFrame syn) {
    int id = syn.streamId();
    if (syn.isInvalid() || id <= lastStreamId || (id & 1) == 0) {
      context.writeAndFlush(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.PROTOCOL_ERROR));
      return;
    }
    lastStreamId = id;
    SpdyStream stream =
        new SpdyStream(id, headers(syn), context.channel(), () -> streams.remove(id));
    if (!listener.accepts(stream)) {
      context.writeAndFlush(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.CANCEL));
      return;
    }
    streams.put(id, stream);
    context.writeAndFlush(reply(stream));
    if (syn.isLast()) {
      stream.received(new byte[0], true);
    }
    listener.opened(stream);
  }

  /**
   * The kubelet replies with no headers, but Netty encodes an empty header set as an empty block,
   * which spdystream's reader rejects (it needs the compressed header count), and the client then
   * never sees the reply. Echoing the stream type gives a valid block that clients ignore.
   */
  private static DefaultSpdySynReplyFrame reply(SpdyStream stream) {
    DefaultSpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(stream.id());
    reply.headers().set(STREAM_TYPE, stream.header(STREAM_TYPE));
    return reply;
  }

  private static Map<String, String> headers(SpdyHeadersFrame frame) {
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<CharSequence, CharSequence> header : frame.headers()) {
      headers.putIfAbsent(
          header.getKey().toString().toLowerCase(Locale.ROOT), header.getValue().toString());
    }
    return headers;
  }

  private void received(ChannelHandlerContext context, SpdyDataFrame data) {
    SpdyStream stream = streams.get(data.streamId());
    if (stream == null) {
      context.writeAndFlush(
          new DefaultSpdyRstStreamFrame(data.streamId(), SpdyStreamStatus.INVALID_STREAM));
      return;
    }
    stream.received(ByteBufUtil.getBytes(data.content()), data.isLast());
  }

  private void received(int id, boolean last) {
    SpdyStream stream = streams.get(id);
    if (stream != null) {
      stream.received(new byte[0], last);
    }
  }

  private void resetByClient(int id) {
    SpdyStream stream = streams.remove(id);
    if (stream != null) {
      stream.resetByClient();
    }
  }

  /** The client left before the session could start. */
  void abandon() {
    listener.closed();
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    streams.values().forEach(SpdyStream::connectionClosed);
    streams.clear();
    listener.closed();
    context.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof IdleStateEvent) {
      LOG.debug("SPDY session idle for {}: closing it", StreamIdleTimeout.TIMEOUT);
      end();
    } else {
      context.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    LOG.debug("SPDY session closed: {}", cause.toString());
    context.close();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    channel = context.channel();
  }

  /** Says goodbye (GOAWAY, status OK) after what was written so far, then closes. */
  void end() {
    if (channel != null && channel.isActive()) {
      channel
          .writeAndFlush(new DefaultSpdyGoAwayFrame(lastStreamId))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }
}
