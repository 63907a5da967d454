package io.camelvk.api.stream.websocket;

import io.camelvk.api.stream.StreamIdleTimeout;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a channel-protocol WebSocket (after the frame aggregator): answers pings, splits each
 * message into channel and payload for the {@link ChannelListener}, skips empty messages and
 * unknown channels, and ends the connection on a malformed v5 close signal, as {@code wsstream}
 * ends its read loop.
 */
final class ChannelMessages extends SimpleChannelInboundHandler<WebSocketFrame> {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelMessages.class);

  private final ChannelProtocol protocol;
  private final int channels;
  private final ChannelListener listener;

  ChannelMessages(ChannelProtocol protocol, int channels, ChannelListener listener) {
    this.protocol = protocol;
    this.channels = channels;
    this.listener = listener;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
    switch (frame) {
      case PingWebSocketFrame ping ->
          context.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      case PongWebSocketFrame pong -> {}
      case CloseWebSocketFrame close -> listener.clientClosed();
      default -> message(context, ByteBufUtil.getBytes(frame.content()));
    }
  }

  private void message(ChannelHandlerContext context, byte[] message) {
    if (message.length == 0) {
      return;
    }
    if (protocol.closeSignal() && (message[0] & 0xff) == ChannelProtocol.CLOSE_SIGNAL) {
      if (message.length != 2 || (message[1] & 0xff) >= channels) {
        LOG.debug("malformed close signal of {} bytes: closing the stream", message.length);
        context
            .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR))
            .addListener(ChannelFutureListener.CLOSE);
        return;
      }
      listener.closeSignal(message[1] & 0xff);
      return;
    }
    int channel = protocol.channelOf(message[0]);
    if (channel < 0 || channel >= channels) {
      return;
    }
    byte[] payload;
    try {
      payload = protocol.payloadOf(message);
    } catch (IllegalArgumentException e) {
      LOG.debug("a message on channel {} is not base64: skipped", channel);
      return;
    }
    if (payload.length > 0) {
      listener.data(channel, payload);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof IdleStateEvent) {
      LOG.debug("WebSocket stream idle for {}: closing it", StreamIdleTimeout.TIMEOUT);
      context.close();
    } else {
      context.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    listener.ended();
    context.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    LOG.debug("WebSocket stream closed: {}", cause.toString());
    context.close();
  }
}
