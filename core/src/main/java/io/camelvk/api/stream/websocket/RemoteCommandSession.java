package io.camelvk.api.stream.websocket;

import io.camelvk.api.stream.ChannelOutputStream;
import io.camelvk.api.stream.InboundPipe;
import io.camelvk.api.stream.InterruptibleCall;
import io.camelvk.api.stream.RemoteCommandOutcome;
import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One exec or attach over a channel protocol: stdin (0) into an {@link InboundPipe}, stdout (1) and
 * stderr (2) out of the provider, its outcome on the error channel (3), terminal sizes from the
 * resize channel (4); then close 1000. The provider runs on the calling (virtual) thread, which is
 * interrupted when the client goes away.
 */
final class RemoteCommandSession implements ChannelListener {

  static final int STDIN = 0;
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int ERROR = 3;
  static final int RESIZE = 4;
  static final int CHANNELS = 5;

  /** How long a command may still run once the client has sent its close frame. */
  static final Duration CLIENT_CLOSE_GRACE = Duration.ofSeconds(10);

  private final Channel channel;
  private final ChannelProtocol protocol;
  private final StreamRequest request;
  private final InboundPipe stdin;
  private final TerminalResizes resizes = new TerminalResizes();
  private final TerminalSizeDecoder sizes = new TerminalSizeDecoder(resizes::publish);
  private final InterruptibleCall provider = new InterruptibleCall();

  RemoteCommandSession(Channel channel, ChannelProtocol protocol, StreamRequest request) {
    this.channel = channel;
    this.protocol = protocol;
    this.request = request;
    this.stdin = new AutoReadGate(channel).newPipe();
    if (!request.stdin()) {
      stdin.end();
    }
  }

  /** The Netty handler feeding this session. */
  ChannelMessages handler() {
    return new ChannelMessages(protocol, CHANNELS, this);
  }

  /** After the 101: the establishment ping, the provider's run, the outcome and the close. */
  void run(StreamBackend backend) {
    channel.writeAndFlush(protocol.frame(lowestWritableChannel(), Unpooled.EMPTY_BUFFER));
    RemoteStreams streams =
        new RemoteStreams(
            request.stdin() ? Optional.of(stdin) : Optional.empty(),
            output(request.stdout(), STDOUT),
            output(request.stderr(), STDERR),
            request.tty(),
            resizes);
    RemoteCommandOutcome outcome;
    try {
      outcome = provider.run(() -> backend.run(request, streams));
    } finally {
      streams.stdout().ifPresent(RemoteCommandSession::closeQuietly);
      streams.stderr().ifPresent(RemoteCommandSession::closeQuietly);
    }
    finish(outcome);
  }

  /** Late writes of a provider's own threads must not follow the status. */
  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // nothing more goes out either way
    }
  }

  private int lowestWritableChannel() {
    return request.stdout() ? STDOUT : request.stderr() ? STDERR : ERROR;
  }

  private Optional<OutputStream> output(boolean wanted, int number) {
    return wanted
        ? Optional.of(new ChannelOutputStream(channel, chunk -> protocol.frame(number, chunk)))
        : Optional.empty();
  }

  private void finish(RemoteCommandOutcome outcome) {
    if (!channel.isActive()) {
      return;
    }
    Optional<byte[]> status = outcome.report(request.kind(), protocol.statusJson());
    status.ifPresent(s -> channel.write(protocol.frame(ERROR, Unpooled.wrappedBuffer(s))));
    channel
        .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void data(int number, byte[] payload) {
    if (number == STDIN) {
      stdin.offer(payload);
    } else if (number == RESIZE && request.tty()) {
      sizes.feed(payload);
    }
  }

  @Override
  public void closeSignal(int number) {
    if (number == STDIN) {
      stdin.end();
    }
  }

  @Override
  public void clientClosed() {
    stdin.end();
    channel
        .eventLoop()
        .schedule(() -> channel.close(), CLIENT_CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void ended() {
    stdin.end();
    provider.interrupt();
  }
}
