package io.camelvk.api.stream.websocket;

import io.camelvk.api.WebSocketBearerToken;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subprotocol negotiation as {@code wsstream}'s handshake: the client's offers in its order, the
 * first one we speak wins; a request without the header speaks the unnamed protocol. A bearer token
 * offered as a subprotocol is never a match, so it is never sent back.
 */
final class Subprotocols {

  private Subprotocols() {}

  /** The protocol to speak, or empty when the client offers none of {@code supported}. */
  static Optional<ChannelProtocol> negotiate(HttpHeaders headers, List<ChannelProtocol> supported) {
    List<String> offers = offers(headers);
    if (offers.isEmpty()) {
      offers = List.of("");
    }
    for (String offer : offers) {
      for (ChannelProtocol protocol : supported) {
        if (protocol.subprotocol().equals(offer)) {
          return Optional.of(protocol);
        }
      }
    }
    return Optional.empty();
  }

  /** Every offered subprotocol, from all {@code Sec-WebSocket-Protocol} lines, trimmed. */
  static List<String> offers(HttpHeaders headers) {
    List<String> offers = new ArrayList<>();
    for (String line : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
      for (String offer : line.split(",", -1)) {
        offers.add(offer.strip());
      }
    }
    return offers;
  }

  /** The refusal text, as the kubelet words it. */
  static String refusal(HttpHeaders headers, List<ChannelProtocol> supported) {
    List<String> names = supported.stream().map(ChannelProtocol::subprotocol).toList();
    List<String> offered =
        offers(headers).stream()
            .map(
                o ->
                    o.startsWith(WebSocketBearerToken.PREFIX)
                        ? WebSocketBearerToken.PREFIX + "…"
                        : o)
            .toList();
    return "requested protocol(s) are not supported: " + offered + "; supports " + names + "\n";
  }
}
