package io.camelvk.api.stream.websocket;

import static io.camelvk.api.stream.websocket.Frames.binary;
import static io.camelvk.api.stream.websocket.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.api.stream.RemoteCommandOutcome;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.provider.TerminalSize;
import io.camelvk.test.TestProviders;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exec/attach channel protocols on an EmbeddedChannel, against a scripted exec. */
class RemoteCommandSessionTest {

  private static final String VERB = "executing command in container";

  private final EmbeddedChannel channel = new EmbeddedChannel();

  private static StreamRequest exec(boolean stdin, boolean tty) {
    return new StreamRequest(
        StreamRequest.Kind.EXEC,
        "ns",
        "pod",
        "app",
        List.of("cat"),
        stdin,
        true,
        !tty,
        tty,
        List.of());
  }

  private RemoteCommandSession session(ChannelProtocol protocol, StreamRequest request) {
    RemoteCommandSession session = new RemoteCommandSession(channel, protocol, request);
    channel.pipeline().addLast(session.handler());
    return session;
  }

  private static String status(int exitCode) {
    return new String(
        RemoteCommandOutcome.exited(exitCode).statusJson(VERB), StandardCharsets.UTF_8);
  }

  private void assertClosedNormally(Object frame) {
    assertThat(frame).isInstanceOf(CloseWebSocketFrame.class);
    assertThat(((CloseWebSocketFrame) frame).statusCode()).isEqualTo(1000);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void v5PingsThenStreamsStdinUntilTheCloseSignalAndEndsWithTheStatusAnd1000() {
    RemoteCommandSession session = session(ChannelProtocol.V5, exec(true, false));
    channel.writeInbound(binary(0, "hel"), binary(0, ""), binary(0, "lo"), binary(0xFF, 0));
    channel.writeInbound(binary(0, "ignored after the close signal"));

    session.run(TestProviders.streams(new ScriptedExec(3)));

    List<Object> frames = Frames.written(channel);
    assertThat(frames.subList(0, 4).stream().map(Frames::describe))
        .containsExactly("1:", "1:out:hello", "2:err", "3:" + status(3));
    assertThat(frames).hasSize(5);
    assertClosedNormally(frames.get(4));
  }

  @Test
  void v4SendsTheSuccessStatusToo() {
    RemoteCommandSession session = session(ChannelProtocol.V4, exec(false, false));

    session.run(TestProviders.streams(new ScriptedExec(0)));

    List<Object> frames = Frames.written(channel);
    assertThat(frames.subList(0, 4).stream().map(Frames::describe))
        .containsExactly("1:", "1:out:", "2:err", "3:{\"status\":\"Success\"}");
    assertClosedNormally(frames.get(4));
  }

  @Test
  void v1WritesTheErrorChannelOnlyOnFailure() {
    session(ChannelProtocol.V1, exec(false, false)).run(TestProviders.streams(new ScriptedExec(0)));
    List<Object> success = Frames.written(channel);

    EmbeddedChannel failing = new EmbeddedChannel();
    RemoteCommandSession failure =
        new RemoteCommandSession(failing, ChannelProtocol.V1, exec(false, false));
    failing.pipeline().addLast(failure.handler());
    failure.run(TestProviders.streams(new ScriptedExec(2)));
    List<Object> failed = Frames.written(failing);

    assertThat(success.subList(0, 3).stream().map(Frames::describe))
        .containsExactly("1:", "1:out:", "2:err");
    assertClosedNormally(success.get(3));
    assertThat(Frames.describe(failed.get(3)))
        .isEqualTo("3:command terminated with non-zero exit code: command exited with 2");
    assertThat(failed.get(4)).isInstanceOf(CloseWebSocketFrame.class);
  }

  @Test
  void base64ProtocolsTalkInTextWithTheChannelAsADigitAndThePayloadInBase64() {
    RemoteCommandSession session = session(ChannelProtocol.V1_BASE64, exec(true, false));
    String stdin = Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8));
    channel.writeInbound(text("0" + stdin), text("0%%% not base64"));
    session.clientClosed();

    session.run(TestProviders.streams(new ScriptedExec(0)));

    String out = Base64.getEncoder().encodeToString("out:abc".getBytes(StandardCharsets.UTF_8));
    String err = Base64.getEncoder().encodeToString("err".getBytes(StandardCharsets.UTF_8));
    List<Object> frames = Frames.written(channel);
    assertThat(frames.subList(0, 3).stream().map(Frames::describe))
        .containsExactly("T:1", "T:1" + out, "T:2" + err);
    assertClosedNormally(frames.get(3));
  }

  @Test
  void aTtyGetsTheSizesOfTheResizeChannelAndNoStderr() {
    RemoteCommandSession session = session(ChannelProtocol.V5, exec(false, true));
    channel.writeInbound(binary(4, "{\"Width\":120,"), binary(4, "\"Height\":40}\n"));
    ScriptedExec exec = new ScriptedExec(0);

    session.run(TestProviders.streams(exec));

    assertThat(exec.sizes).containsExactly(new TerminalSize(120, 40));
    assertThat(Frames.describeAll(channel))
        .containsExactly("1:", "1:out:", "3:{\"status\":\"Success\"}", "CloseWebSocketFrame");
  }

  @Test
  void interruptsTheProviderWhenTheClientGoesAway() throws Exception {
    RemoteCommandSession session = session(ChannelProtocol.V5, exec(false, false));
    ScriptedExec exec = new ScriptedExec(0, true);
    Thread provider = Thread.ofVirtual().start(() -> session.run(TestProviders.streams(exec)));
    exec.started.await();
    Frames.written(channel); // the establishment ping, before the provider sleeps

    channel.close();

    assertThat(provider.join(Duration.ofSeconds(10))).isTrue();
    assertThat(exec.interrupted).isTrue();
    assertThat(Frames.written(channel)).isEmpty();
  }

  @Test
  void aMalformedCloseSignalIsAProtocolErrorThatEndsTheStream() {
    session(ChannelProtocol.V5, exec(true, false));

    channel.writeInbound(binary(0xFF, 0, 0));

    Object close = channel.readOutbound();
    assertThat(((CloseWebSocketFrame) close).statusCode()).isEqualTo(1002);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aCloseSignalForAChannelThatDoesNotExistIsAProtocolErrorToo() {
    session(ChannelProtocol.V5, exec(true, false));

    channel.writeInbound(binary(0xFF, 9));

    assertThat(((CloseWebSocketFrame) channel.readOutbound()).statusCode()).isEqualTo(1002);
  }

  @Test
  void answersPingsAndIgnoresUnknownChannels() {
    session(ChannelProtocol.V4, exec(true, false));

    channel.writeInbound(binary(7, "nobody listens"));
    channel.writeInbound(new PingWebSocketFrame(binary(1, 2).content()));

    Object pong = channel.readOutbound();
    assertThat(pong).isInstanceOf(PongWebSocketFrame.class);
    assertThat(((PongWebSocketFrame) pong).content().readableBytes()).isEqualTo(2);
    assertThat(channel.isOpen()).isTrue();
  }
}
