package io.camelvk.api.stream.websocket;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.stream.StreamIdleTimeout;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.concurrent.ExecutionException;

/**
 * Answers a WebSocket upgrade with Netty's handshaker on the event loop and, in the same task (so
 * no frame can slip past), puts a frame aggregator and the session's handler where the HTTP router
 * was. The 101 names exactly the negotiated subprotocol, or none for the unnamed one.
 */
final class WebSocketUpgrade {

  /** The largest message we take (gorilla fragments big ones; the aggregator joins them). */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final String ROUTER = "router";

  private WebSocketUpgrade() {}

  /**
   * Upgrades and waits for the 101 to be written. False when it could not be: a request Netty's
   * handshaker refuses (400, or 426 for an unsupported WebSocket version), or the client went away.
   */
  static boolean upgrade(
      Channel channel, HttpRequest http, ChannelProtocol protocol, ChannelHandler session) {
    try {
      ChannelFuture written =
          channel.eventLoop().submit(() -> handshake(channel, http, protocol, session)).get();
      return written != null && written.await().isSuccess();
    } catch (ExecutionException e) {
      channel.close();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      return false;
    }
  }

  /** On the event loop: the 101 and the new handlers; null when the upgrade was refused. */
  static ChannelFuture handshake(
      Channel channel, HttpRequest http, ChannelProtocol protocol, ChannelHandler session) {
    FullHttpRequest request = handshakeRequest(http, protocol);
    try {
      String subprotocol = protocol.subprotocol().isEmpty() ? null : protocol.subprotocol();
      WebSocketServerHandshaker handshaker =
          new WebSocketServerHandshakerFactory(
                  "wss://kubelet" + http.uri(), subprotocol, false, MAX_MESSAGE_BYTES)
              .newHandshaker(request);
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
        return null;
      }
      ChannelFuture written = handshaker.handshake(channel, request);
      ChannelPipeline pipeline = channel.pipeline();
      pipeline.replace(ROUTER, "websocket-session", session);
      pipeline.addBefore(
          "websocket-session",
          "websocket-aggregator",
          new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
      pipeline.addBefore("websocket-aggregator", "websocket-idle", StreamIdleTimeout.handler());
      return written;
    } catch (WebSocketServerHandshakeException e) {
      ApiRequest.refuse(channel, HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n");
      return null;
    } finally {
      request.release();
    }
  }

  /** The request with only the chosen subprotocol offered, so Netty echoes exactly that one. */
  private static FullHttpRequest handshakeRequest(HttpRequest http, ChannelProtocol protocol) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(http.protocolVersion(), http.method(), http.uri());
    request.headers().set(http.headers());
    request.headers().remove(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    if (!protocol.subprotocol().isEmpty()) {
      request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, protocol.subprotocol());
    }
    return request;
  }
}
