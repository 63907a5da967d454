package io.camelvk.providers.interlink.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * HTTP/1.1 over a unix domain socket (interLink's default, {@code unix:///var/run/interlink.sock}),
 * with the JDK's own {@link SocketChannel} (Java 16+): no native library, which Vert.x and Netty
 * would need for the same socket. One connection per request ({@code Connection: close}), as the
 * socket costs no handshake.
 */
public final class UnixSocketTransport implements InterlinkTransport {

  private final Path socket;
  private final Duration readTimeout;
  private final Supplier<Optional<String>> authorization;
  private final ScheduledExecutorService timer;

  public UnixSocketTransport(
      Path socket,
      Duration readTimeout,
      Supplier<Optional<String>> authorization,
      ScheduledExecutorService timer) {
    this.socket = socket;
    this.readTimeout = readTimeout;
    this.authorization = authorization;
    this.timer = timer;
  }

  @Override
  public Reply send(String method, String path, byte[] json, boolean withReadTimeout)
      throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    ScheduledFuture<?> deadline = null;
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      if (withReadTimeout) {
        deadline =
            timer.schedule(
                () -> closeQuietly(channel), readTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      OutputStream out = Channels.newOutputStream(channel);
      out.write(head(method, path, json.length).getBytes(StandardCharsets.UTF_8));
      out.write(json);
      out.flush();
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
      Http1Response response = Http1Response.read(in);
      return new Reply(response.status(), response.body());
    } catch (IOException e) {
      closeQuietly(channel);
      if (deadline != null && deadline.isDone()) {
        throw new IOException("no answer from " + describe() + " within " + readTimeout, e);
      }
      throw e;
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
    }
  }

  private String head(String method, String path, int length) {
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: unix\r\nContent-Type: application/json\r\n")
            .append("Content-Length: ")
            .append(length)
            .append("\r\nConnection: close\r\n");
    authorization.get().ifPresent(v -> head.append("Authorization: ").append(v).append("\r\n"));
    return head.append("\r\n").toString();
  }

  @Override
  public String describe() {
    return "unix://" + socket;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
