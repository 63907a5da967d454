package io.camelvk.api.stream.spdy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The port-forward tunnel's byte pipe: SPDY bytes travel in binary WebSocket messages whose
 * boundaries mean nothing, so inbound binary payloads are passed on as plain bytes and outbound
 * bytes leave as binary messages. Pings are answered; a text message or a close ends the tunnel.
 */
final class WebSocketTunnelFrames extends ChannelDuplexHandler {

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    switch (message) {
      case BinaryWebSocketFrame binary -> context.fireChannelRead(binary.content());
      case ContinuationWebSocketFrame continuation ->
          context.fireChannelRead(continuation.content());
      case PingWebSocketFrame ping -> context.writeAndFlush(new PongWebSocketFrame(ping.content()));
      case PongWebSocketFrame pong -> pong.release();
      case CloseWebSocketFrame close ->
          context.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
      default -> {
        ReferenceCountUtil.release(message);
        context.close();
      }
    }
  }

  @Override
  public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
    if (message instanceof ByteBuf bytes) {
      context.write(new BinaryWebSocketFrame(bytes), promise);
    } else {
      context.write(message, promise);
    }
  }
}
