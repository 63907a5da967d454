package io.camelvk.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A bearer token that a WebSocket client (a browser cannot set {@code Authorization}) offers as the
 * subprotocol {@code base64url.bearer.authorization.k8s.io.<base64url token, no padding>}, read as
 * the API server's and the kubelet's protocol authenticator reads it. The channel transport never
 * chooses this offer, so it is never sent back.
 */
public final class WebSocketBearerToken {

  public static final String PREFIX = "base64url.bearer.authorization.k8s.io.";

  private WebSocketBearerToken() {}

  /**
   * The token of a WebSocket upgrade; empty when it offers none.
   *
   * @throws IllegalArgumentException when the offer is malformed: two tokens, bad base64url or
   *     UTF-8, or no other subprotocol beside it
   */
  static Optional<String> of(HttpRequest request) {
    if (!request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      return Optional.empty();
    }
    String token = null;
    int others = 0;
    for (String line : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
      for (String offer : line.split(",", -1)) {
        String protocol = offer.strip();
        if (!protocol.startsWith(PREFIX)) {
          others++;
        } else if (token != null) {
          throw new IllegalArgumentException(
              "multiple base64.bearer.authorization tokens specified");
        } else {
          token = decode(protocol.substring(PREFIX.length()));
        }
      }
    }
    if (token != null && !token.isEmpty() && others == 0) {
      throw new IllegalArgumentException("missing additional subprotocol");
    }
    return token == null || token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static String decode(String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid base64.bearer.authorization token encoding");
    }
    if (encoded.endsWith("=")) {
      throw new IllegalArgumentException("invalid base64.bearer.authorization token encoding");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid base64.bearer.authorization token");
    }
  }
}
