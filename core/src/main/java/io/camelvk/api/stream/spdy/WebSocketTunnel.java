package io.camelvk.api.stream.spdy;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.stream.StreamIdleTimeout;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import java.util.Arrays;
import java.util.Locale;

/**
 * port-forward's WebSocket tunnel: the handshake answers with the subprotocol {@value #PROTOCOL},
 * then SPDY frames travel in binary messages through {@link WebSocketTunnelFrames}.
 */
final class WebSocketTunnel {

  static final String PROTOCOL = SpdyTransport.SPDY + "+portforward.k8s.io";
  static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  private WebSocketTunnel() {}

  static boolean isTunnel(HttpRequest http) {
    String upgrade = http.headers().get(HttpHeaderNames.UPGRADE, "");
    String offered = http.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "");
    return upgrade.toLowerCase(Locale.ROOT).contains("websocket")
        && http.uri().startsWith("/portForward/")
        && Arrays.stream(offered.split(",")).map(String::strip).anyMatch(PROTOCOL::equals);
  }

  /**
   * Answers the handshake and puts the SPDY session behind the tunnel, on the event loop; false
   * when the client's WebSocket version is not one we speak (it got a 426).
   */
  static boolean open(ApiRequest request, SpdySession session) {
    HttpRequest http = request.http();
    FullHttpRequest handshake =
        new DefaultFullHttpRequest(
            http.protocolVersion(),
            http.method(),
            http.uri(),
            Unpooled.EMPTY_BUFFER,
            http.headers(),
            EmptyHttpHeaders.INSTANCE);
    Channel channel = request.context().channel();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(http.uri(), PROTOCOL, false, MAX_MESSAGE_BYTES)
            .newHandshaker(handshake);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel)
          .addListener(ChannelFutureListener.CLOSE);
      return false;
    }
    channel
        .eventLoop()
        .execute(
            () -> {
              if (!channel.isActive()) {
                session.abandon();
                return;
              }
              ChannelPipeline pipeline = channel.pipeline();
              pipeline.remove(request.context().handler());
              try {
                handshaker
                    .handshake(channel, handshake)
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
              } catch (WebSocketServerHandshakeException e) {
                session.abandon();
                ApiRequest.refuse(channel, HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n");
                return;
              }
              pipeline.addLast("tunnel", new WebSocketTunnelFrames());
              pipeline.addLast("spdy", new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
              pipeline.addLast("idle", StreamIdleTimeout.handler());
              pipeline.addLast("spdy-session", session);
            });
    return true;
  }
}
