package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.api.stream.spdy.SpdyTestClient;
import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalSize;
import io.camelvk.test.IdleProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A terminal session's resizes, and a client that goes away mid-command. */
class SpdyExecLifecycleTest {

  private final SessionProvider provider = new SessionProvider();
  private SpdyTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = SpdyTestServer.start(provider, Duration.ofSeconds(5), "web");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void resizesOnTheResizeStreamReachTheCommand() throws Exception {
    try (SpdyTestClient client = exec("command=resized&input=1&output=1&tty=1")) {
      int error = client.open(Map.of("streamtype", "error"));
      client.open(Map.of("streamtype", "stdin"));
      int stdout = client.open(Map.of("streamtype", "stdout"));
      int resize = client.open(Map.of("streamtype", "resize"));
      client.send(resize, "{\"Width\":80,\"Height\":24}\n{\"Width\":100,", false);
      client.send(resize, "\"Height\":30}\n", false);

      await().until(() -> client.finished(error));
      assertThat(client.data(stdout)).isEqualTo("100x30");
      assertThat(client.data(error)).isEqualTo("{\"status\":\"Success\"}");
    }
  }

  @Test
  void aClientThatGoesAwayInterruptsTheCommand() throws Exception {
    SpdyTestClient client = exec("command=hang&output=1&error=1");
    client.open(Map.of("streamtype", "error"));
    client.open(Map.of("streamtype", "stdout"));
    client.open(Map.of("streamtype", "stderr"));
    assertThat(provider.started.await(10, TimeUnit.SECONDS)).isTrue();

    client.close();

    assertThat(provider.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aCrashingProviderStillGetsAStatusToTheClient() throws Exception {
    try (SpdyTestClient client = exec("command=crash&output=1")) {
      int error = client.open(Map.of("streamtype", "error"));
      client.open(Map.of("streamtype", "stdout"));

      await().until(() -> client.finished(error));
      assertThat(client.data(error))
          .contains("\"reason\":\"InternalError\"")
          .contains("error executing command in container: java.lang.IllegalStateException: boom");
    }
  }

  private SpdyTestClient exec(String query) throws Exception {
    return SpdyTestClient.upgrade(
        SpdyTestServer.clientTls(),
        server.port(),
        "/exec/ns/web/app?" + query,
        List.of("v4.channel.k8s.io"));
  }

  /**
   * exec {@code resized}: prints the terminal size once it is 100x30; {@code crash} throws;
   * anything else waits until interrupted.
   */
  private static final class SessionProvider extends IdleProvider implements ContainerExec {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);

    SessionProvider() {}

    @Override
    public int exec(
        String namespace, String pod, String container, List<String> command, RemoteStreams io) {
      try {
        return switch (command.get(0)) {
          case "resized" -> resized(io);
          case "crash" -> throw new IllegalStateException("boom");
          default -> hang();
        };
      } catch (InterruptedException e) {
        interrupted.countDown();
        return 137;
      }
    }

    private static int resized(RemoteStreams io) throws InterruptedException {
      BlockingQueue<TerminalSize> sizes = new ArrayBlockingQueue<>(8);
      io.resizes().subscribe(sizes::add);
      // A subscriber that comes late gets only the latest size, as a terminal only has one.
      TerminalSize size = sizes.take();
      while (size.height() != 30) {
        size = sizes.take();
      }
      String text = size.width() + "x" + size.height();
      try {
        io.stdout().orElseThrow().write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    }

    private int hang() throws InterruptedException {
      started.countDown();
      new CountDownLatch(1).await();
      return 0;
    }
  }
}
