package io.camelvk.api.stream.spdy;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamIdleTimeout;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.api.stream.StreamTransport;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * exec, attach and port-forward over SPDY/3.1 ({@code Upgrade: SPDY/3.1}), and port-forward's
 * WebSocket tunnel ({@code Sec-WebSocket-Protocol: SPDY/3.1+portforward.k8s.io}), which carries the
 * same SPDY frames in binary WebSocket messages.
 */
public final class SpdyTransport implements StreamTransport {

  static final String SPDY = "SPDY/3.1";

  /** How long the kubelet waits for a client to open the streams it needs (both kinds). */
  public static final Duration STREAM_CREATION_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(SpdyTransport.class);

  private final Duration streamCreationTimeout;

  public SpdyTransport() {
    this(STREAM_CREATION_TIMEOUT);
  }

  /** With another wait for the client's streams (tests). */
  public SpdyTransport(Duration streamCreationTimeout) {
    this.streamCreationTimeout = streamCreationTimeout;
  }

  @Override
  public boolean accepts(HttpRequest http) {
    String upgrade = http.headers().get(HttpHeaderNames.UPGRADE, "").toLowerCase(Locale.ROOT);
    return upgrade.contains(SPDY.toLowerCase(Locale.ROOT)) || WebSocketTunnel.isTunnel(http);
  }

  @Override
  public void open(ApiRequest request, StreamRequest stream, StreamBackend backend) {
    if (WebSocketTunnel.isTunnel(request.http())) {
      if (WebSocketTunnel.open(request, new SpdySession(forwards(request, stream, backend)))) {
        backend.opened(stream, "websocket", WebSocketTunnel.PROTOCOL);
        awaitClose(request.context().channel());
      }
      return;
    }
    StreamProtocolNegotiation negotiation =
        StreamProtocolNegotiation.negotiate(
            request.http().headers(),
            stream.isRemoteCommand()
                ? StreamProtocolNegotiation.REMOTE_COMMAND
                : StreamProtocolNegotiation.PORT_FORWARD);
    if (negotiation.chosen().isEmpty()) {
      refuse(request.context(), negotiation);
      return;
    }
    String protocol = negotiation.chosen().get();
    backend.opened(stream, "spdy", protocol);
    if (stream.isRemoteCommand()) {
      RemoteCommandSession command =
          new RemoteCommandSession(stream, protocol, backend, streamCreationTimeout);
      SpdySession session = new SpdySession(command);
      upgrade(request.context(), protocol, session);
      try {
        command.run(session);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        session.end();
      }
    } else {
      upgrade(request.context(), protocol, new SpdySession(forwards(request, stream, backend)));
      awaitClose(request.context().channel());
    }
  }

  private PortForwardSession forwards(
      ApiRequest request, StreamRequest stream, StreamBackend backend) {
    return new PortForwardSession(
        stream, backend, request.context().channel().eventLoop(), streamCreationTimeout);
  }

  /** Answers 101 and swaps HTTP for SPDY in one event-loop task, before any frame is read. */
  private static void upgrade(ChannelHandlerContext router, String protocol, SpdySession session) {
    FullHttpResponse switching =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
    switching.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    switching.headers().set(HttpHeaderNames.UPGRADE, SPDY);
    switching.headers().set(StreamProtocolNegotiation.VERSION_HEADER, protocol);
    router
        .channel()
        .eventLoop()
        .execute(
            () -> {
              if (!router.channel().isActive()) {
                session.abandon();
                return;
              }
              router.writeAndFlush(switching);
              ChannelPipeline pipeline = router.pipeline();
              pipeline.remove(router.handler());
              pipeline.addAfter("http", "spdy", new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
              pipeline.addAfter("spdy", "spdy-session", session);
              pipeline.addBefore("spdy-session", "idle", StreamIdleTimeout.handler());
              pipeline.remove("http");
            });
  }

  private static void refuse(ChannelHandlerContext context, StreamProtocolNegotiation refusal) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            refusal.status(),
            Unpooled.copiedBuffer(refusal.message(), StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().set("X-Content-Type-Options", "nosniff");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    for (String accepted : refusal.accepted()) {
      response.headers().add(StreamProtocolNegotiation.ACCEPTED_HEADER, accepted);
    }
    context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private static void awaitClose(Channel channel) {
    try {
      channel.closeFuture().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.debug("stopped waiting for a port-forward session to end");
    }
  }
}
