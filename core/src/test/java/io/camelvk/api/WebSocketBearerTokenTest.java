package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebSocketBearerTokenTest {

  private static String offer(String token) {
    return WebSocketBearerToken.PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest upgrade(String... protocolLines) {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/exec/x");
    request.headers().set("Upgrade", "websocket");
    for (String line : protocolLines) {
      request.headers().add("Sec-WebSocket-Protocol", line);
    }
    return request;
  }

  @Test
  void readsTheTokenBesideAnotherSubprotocol() {
    String token = "eyJhbGciOi.JSUzI1NiJ9~?";

    assertThat(WebSocketBearerToken.of(upgrade("v5.channel.k8s.io, " + offer(token))))
        .contains(token);
    assertThat(WebSocketBearerToken.of(upgrade(offer(token), "v4.channel.k8s.io"))).contains(token);
  }

  @Test
  void findsNoTokenWithoutTheOfferOrOutsideAWebSocketUpgrade() {
    HttpRequest plain = upgrade("v5.channel.k8s.io, " + offer("t"));
    plain.headers().remove("Upgrade");

    assertThat(WebSocketBearerToken.of(upgrade("v5.channel.k8s.io"))).isEmpty();
    assertThat(WebSocketBearerToken.of(plain)).isEmpty();
  }

  @Test
  void refusesMalformedOffersAsTheApiServerDoes() {
    assertThatThrownBy(
            () -> WebSocketBearerToken.of(upgrade(offer("a") + ", " + offer("b") + ", x")))
        .hasMessageContaining("multiple");
    assertThatThrownBy(() -> WebSocketBearerToken.of(upgrade(offer("alone"))))
        .hasMessageContaining("missing additional subprotocol");
    assertThatThrownBy(
            () -> WebSocketBearerToken.of(upgrade(WebSocketBearerToken.PREFIX + "a+b/, x")))
        .hasMessageContaining("encoding");
    assertThatThrownBy(
            () -> WebSocketBearerToken.of(upgrade(WebSocketBearerToken.PREFIX + "dA==, x")))
        .hasMessageContaining("encoding");
    String notUtf8 =
        Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff});
    assertThatThrownBy(
            () -> WebSocketBearerToken.of(upgrade(WebSocketBearerToken.PREFIX + notUtf8 + ", x")))
        .hasMessageContaining("invalid base64.bearer.authorization token");
  }
}
