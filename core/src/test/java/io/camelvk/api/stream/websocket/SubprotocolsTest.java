package io.camelvk.api.stream.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class SubprotocolsTest {

  private static HttpHeaders offering(String... lines) {
    HttpHeaders headers = new DefaultHttpHeaders();
    for (String line : lines) {
      headers.add("Sec-WebSocket-Protocol", line);
    }
    return headers;
  }

  @Test
  void takesTheClientsFirstOfferThatWeSpeak() {
    var chosen =
        Subprotocols.negotiate(
            offering("chat, base64.channel.k8s.io, v5.channel.k8s.io"),
            ChannelProtocol.REMOTE_COMMAND);

    assertThat(chosen).contains(ChannelProtocol.V1_BASE64);
  }

  @Test
  void readsEveryHeaderLine() {
    var chosen =
        Subprotocols.negotiate(
            offering("chat", "v4.base64.channel.k8s.io"), ChannelProtocol.REMOTE_COMMAND);

    assertThat(chosen).contains(ChannelProtocol.V4_BASE64);
  }

  @Test
  void speaksTheUnnamedProtocolWhenTheClientOffersNone() {
    assertThat(Subprotocols.negotiate(offering(), ChannelProtocol.PORT_FORWARD))
        .contains(ChannelProtocol.UNNAMED);
  }

  @Test
  void refusesOffersWeDoNotSpeak() {
    assertThat(Subprotocols.negotiate(offering("chat, superchat"), ChannelProtocol.REMOTE_COMMAND))
        .isEmpty();
    assertThat(Subprotocols.negotiate(offering("channel.k8s.io"), ChannelProtocol.PORT_FORWARD))
        .isEmpty();
  }

  @Test
  void neverChoosesABearerTokenAndNeverRepeatsItInTheRefusal() {
    HttpHeaders withToken =
        offering("base64url.bearer.authorization.k8s.io.c2VjcmV0, v4.channel.k8s.io");
    HttpHeaders onlyToken = offering("base64url.bearer.authorization.k8s.io.c2VjcmV0");

    assertThat(Subprotocols.negotiate(withToken, ChannelProtocol.REMOTE_COMMAND))
        .contains(ChannelProtocol.V4);
    assertThat(Subprotocols.negotiate(onlyToken, ChannelProtocol.REMOTE_COMMAND)).isEmpty();
    assertThat(Subprotocols.refusal(onlyToken, ChannelProtocol.REMOTE_COMMAND))
        .doesNotContain("c2VjcmV0")
        .startsWith("requested protocol(s) are not supported");
  }
}
