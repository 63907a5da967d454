package io.camelvk.api.stream.websocket;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.api.stream.StreamTransport;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;

/**
 * Exec, attach and the legacy port-forward over WebSocket channel protocols. Takes every {@code
 * Upgrade: websocket} request except those offering a {@code SPDY/3.1+} tunnel, which belong to the
 * tunnel transport.
 */
public final class WebSocketTransport implements StreamTransport {

  private static final String TUNNEL_PREFIX = "SPDY/3.1+";

  @Override
  public boolean accepts(HttpRequest http) {
    return http.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && Subprotocols.offers(http.headers()).stream()
            .noneMatch(o -> o.regionMatches(true, 0, TUNNEL_PREFIX, 0, TUNNEL_PREFIX.length()));
  }

  @Override
  public void open(ApiRequest request, StreamRequest stream, StreamBackend backend) {
    if (!stream.isRemoteCommand() && stream.ports().isEmpty()) {
      request.respondText(HttpResponseStatus.BAD_REQUEST, "query parameter \"port\" is required\n");
      return;
    }
    List<ChannelProtocol> supported =
        stream.isRemoteCommand() ? ChannelProtocol.REMOTE_COMMAND : ChannelProtocol.PORT_FORWARD;
    Optional<ChannelProtocol> protocol =
        Subprotocols.negotiate(request.http().headers(), supported);
    if (protocol.isEmpty()) {
      request.respondText(
          HttpResponseStatus.BAD_REQUEST,
          Subprotocols.refusal(request.http().headers(), supported));
      return;
    }
    Channel channel = request.context().channel();
    backend.opened(stream, "websocket", protocol.get().subprotocol());
    if (stream.isRemoteCommand()) {
      RemoteCommandSession session = new RemoteCommandSession(channel, protocol.get(), stream);
      if (WebSocketUpgrade.upgrade(channel, request.http(), protocol.get(), session.handler())) {
        session.run(backend);
      }
    } else {
      PortForwardSession session = new PortForwardSession(channel, protocol.get(), stream);
      if (WebSocketUpgrade.upgrade(channel, request.http(), protocol.get(), session.handler())) {
        session.run(backend);
      }
    }
  }
}
