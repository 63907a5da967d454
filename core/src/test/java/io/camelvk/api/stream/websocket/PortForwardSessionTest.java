package io.camelvk.api.stream.websocket;

import static io.camelvk.api.stream.websocket.Frames.binary;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.api.stream.StreamRequest;
import io.camelvk.provider.PortForward;
import io.camelvk.provider.ProviderException;
import io.camelvk.test.IdleProvider;
import io.camelvk.test.TestProviders;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The legacy WebSocket port-forward on an EmbeddedChannel. */
class PortForwardSessionTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();

  /** Port 8080 answers the first five bytes it gets in upper case; any other port refuses. */
  private static final class FiveBytePort extends IdleProvider implements PortForward {
    FiveBytePort() {}

    @Override
    public void portForward(
        String namespace, String pod, int port, InputStream fromClient, OutputStream toClient) {
      if (port != 8080) {
        throw ProviderException.invalid("nothing listens on " + port);
      }
      try {
        toClient.write(new String(fromClient.readNBytes(5)).toUpperCase().getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private PortForwardSession session(int port) {
    StreamRequest request =
        new StreamRequest(
            StreamRequest.Kind.PORT_FORWARD,
            "ns",
            "web",
            "",
            List.of(),
            false,
            false,
            false,
            false,
            List.of(port));
    PortForwardSession session = new PortForwardSession(channel, ChannelProtocol.V4, request);
    channel.pipeline().addLast(session.handler());
    return session;
  }

  @Test
  void sendsThePortOnBothChannelsThenForwardsAndClosesWhenTheForwardEnds() {
    PortForwardSession session = session(8080);
    channel.writeInbound(binary(0, "hel"), binary(1, "not for us"), binary(0, "lo"));

    session.run(TestProviders.streams(new FiveBytePort()));

    List<Object> frames = Frames.written(channel);
    assertThat(frames.subList(0, 3).stream().map(Frames::describe))
        .containsExactly("0:\u0090\u001f", "1:\u0090\u001f", "0:HELLO");
    assertThat(((CloseWebSocketFrame) frames.get(3)).statusCode()).isEqualTo(1000);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void writesAForwardThatFailsOnTheErrorChannel() {
    session(9090).run(TestProviders.streams(new FiveBytePort()));

    List<String> frames = Frames.describeAll(channel);
    assertThat(frames.get(2))
        .isEqualTo("1:error forwarding port 9090 to pod web_ns, uid : nothing listens on 9090");
    assertThat(frames.get(3)).isEqualTo("CloseWebSocketFrame");
  }
}
