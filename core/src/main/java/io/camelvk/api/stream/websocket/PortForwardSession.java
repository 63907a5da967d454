package io.camelvk.api.stream.websocket;

import io.camelvk.api.stream.ChannelOutputStream;
import io.camelvk.api.stream.InboundPipe;
import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.provider.ProviderException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The legacy WebSocket port-forward: one forwarded connection per port of {@code ?port=}, port
 * {@code i} on data channel {@code 2i} and error channel {@code 2i+1}, each first carrying the port
 * as two little-endian bytes; the WebSocket closes once every forward has ended.
 */
final class PortForwardSession implements ChannelListener {

  private final Channel channel;
  private final ChannelProtocol protocol;
  private final StreamRequest request;
  private final List<InboundPipe> fromClient = new ArrayList<>();
  private final List<Thread> forwards = new ArrayList<>();

  PortForwardSession(Channel channel, ChannelProtocol protocol, StreamRequest request) {
    this.channel = channel;
    this.protocol = protocol;
    this.request = request;
    AutoReadGate gate = new AutoReadGate(channel);
    for (int i = 0; i < request.ports().size(); i++) {
      fromClient.add(gate.newPipe());
    }
  }

  ChannelMessages handler() {
    return new ChannelMessages(protocol, 2 * request.ports().size(), this);
  }

  /** After the 101: the port headers, then every forward on its own thread until all end. */
  void run(StreamBackend backend) {
    List<Integer> ports = request.ports();
    for (int i = 0; i < ports.size(); i++) {
      channel.write(protocol.frame(2 * i, portBytes(ports.get(i))));
      channel.write(protocol.frame(2 * i + 1, portBytes(ports.get(i))));
    }
    channel.flush();
    synchronized (this) {
      for (int i = 0; i < ports.size(); i++) {
        int index = i;
        forwards.add(Thread.ofVirtual().start(() -> forward(backend, index)));
      }
    }
    try {
      for (Thread forward : forwards) {
        forward.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      return;
    }
    channel
        .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private void forward(StreamBackend backend, int index) {
    int port = request.ports().get(index);
    ChannelOutputStream toClient =
        new ChannelOutputStream(channel, chunk -> protocol.frame(2 * index, chunk));
    try {
      backend.portForward(request, port, fromClient.get(index), toClient);
    } catch (ProviderException | UncheckedIOException e) {
      if (channel.isActive()) {
        String message =
            String.format(
                "error forwarding port %d to pod %s_%s, uid : %s",
                port, request.pod(), request.namespace(), e.getMessage());
        channel.writeAndFlush(
            protocol.frame(2 * index + 1, Unpooled.copiedBuffer(message, StandardCharsets.UTF_8)));
      }
    } finally {
      toClient.close();
    }
  }

  private static io.netty.buffer.ByteBuf portBytes(int port) {
    return Unpooled.wrappedBuffer(new byte[] {(byte) port, (byte) (port >> 8)});
  }

  @Override
  public void data(int number, byte[] payload) {
    if (number % 2 == 0) {
      fromClient.get(number / 2).offer(payload);
    }
  }

  @Override
  public void closeSignal(int number) {
    // the legacy port-forward protocols have no close signal
  }

  /**
   * A client's close ends the input of every forward; they get a grace period to finish before the
   * connection closes.
   */
  @Override
  public void clientClosed() {
    fromClient.forEach(InboundPipe::end);
    channel
        .eventLoop()
        .schedule(
            () -> channel.close(),
            RemoteCommandSession.CLIENT_CLOSE_GRACE.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void ended() {
    fromClient.forEach(InboundPipe::end);
    forwards.forEach(Thread::interrupt);
  }
}
