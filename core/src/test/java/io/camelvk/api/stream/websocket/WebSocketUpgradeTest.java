package io.camelvk.api.stream.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upgrade on a pipeline shaped like the kubelet API server's (http codec, then router). */
class WebSocketUpgradeTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final List<String> heard = new ArrayList<>();

  WebSocketUpgradeTest() {
    channel
        .pipeline()
        .addLast("http", new HttpServerCodec())
        .addLast("router", new ChannelInboundHandlerAdapter());
  }

  private final ChannelListener listener =
      new ChannelListener() {
        @Override
        public void data(int number, byte[] payload) {
          heard.add(number + ":" + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void closeSignal(int number) {}

        @Override
        public void clientClosed() {}

        @Override
        public void ended() {}
      };

  private static HttpRequest upgrade(String protocols) {
    HttpRequest request =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/attach/ns/pod/app?input=1");
    request.headers().set("Upgrade", "websocket").set("Connection", "Upgrade");
    request.headers().set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    request.headers().set("Sec-WebSocket-Version", "13");
    request.headers().set("Sec-WebSocket-Protocol", protocols);
    return request;
  }

  /** Completes a v5 handshake and reads its 101 response. */
  private void upgradeToV5() {
    WebSocketUpgrade.handshake(
        channel,
        upgrade("v5.channel.k8s.io"),
        ChannelProtocol.V5,
        new ChannelMessages(ChannelProtocol.V5, 5, listener));
    response();
  }

  private String response() {
    ByteBuf bytes = channel.readOutbound();
    try {
      return bytes.toString(StandardCharsets.ISO_8859_1);
    } finally {
      bytes.release();
    }
  }

  /** Frames as a client writes them: masked. */
  private void clientSends(WebSocketFrame... frames) {
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
    client.writeOutbound((Object[]) frames);
    for (Object bytes; (bytes = client.readOutbound()) != null; ) {
      channel.writeInbound(bytes);
    }
  }

  @Test
  void answers101WithOnlyTheChosenSubprotocolAndReplacesTheHttpHandlers() {
    String bearer = "base64url.bearer.authorization.k8s.io.c2VjcmV0";
    var written =
        WebSocketUpgrade.handshake(
            channel,
            upgrade(bearer + ", v4.channel.k8s.io"),
            ChannelProtocol.V4,
            new ChannelMessages(ChannelProtocol.V4, 5, listener));

    assertThat(written.isSuccess()).isTrue();
    String response = response();
    assertThat(response)
        .startsWith("HTTP/1.1 101 Switching Protocols")
        .containsIgnoringCase("sec-websocket-protocol: v4.channel.k8s.io\r\n")
        .containsIgnoringCase("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        .doesNotContain("c2VjcmV0");
    assertThat(channel.pipeline().names())
        .contains("websocket-aggregator", "websocket-session")
        .doesNotContain("router", "http");
  }

  @Test
  void joinsFragmentedMessagesAndAnswersPingsAfterTheUpgrade() {
    upgradeToV5();

    clientSends(
        new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[] {0, 't', 'y'})),
        new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {42})),
        new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer("ped".getBytes())));

    assertThat(heard).containsExactly("0:typed");
    ByteBuf pong = channel.readOutbound();
    assertThat(pong.getByte(0) & 0x0f).as("pong opcode").isEqualTo(0xA);
    pong.release();
  }

  @Test
  void closesAStreamIdleForFourHoursEitherWay() {
    upgradeToV5();
    IdleStateHandler idle = channel.pipeline().get(IdleStateHandler.class);

    channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

    assertThat(idle.getAllIdleTimeInMillis()).isEqualTo(Duration.ofHours(4).toMillis());
    assertThat(idle.getReaderIdleTimeInMillis()).isZero();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void refusesAnUpgradeWithoutAKeyWith400() {
    HttpRequest keyless = upgrade("v5.channel.k8s.io");
    keyless.headers().remove("Sec-WebSocket-Key");

    var written =
        WebSocketUpgrade.handshake(
            channel,
            keyless,
            ChannelProtocol.V5,
            new ChannelMessages(ChannelProtocol.V5, 5, listener));

    assertThat(written).isNull();
    assertThat(response()).startsWith("HTTP/1.1 400 Bad Request");
    assertThat(channel.isOpen()).isFalse();
  }
}
