package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.api.stream.spdy.SpdyTestClient;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.MockProviderConfig;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPDY transport end to end on a real server socket, against the mock, with a Netty client. */
class SpdyStreamingTest {

  private static final List<String> KUBECTL_PROTOCOLS =
      List.of(
          "v5.channel.k8s.io",
          "v4.channel.k8s.io",
          "v3.channel.k8s.io",
          "v2.channel.k8s.io",
          "channel.k8s.io");

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MockProvider provider =
      new MockProvider(MockProviderConfig.defaults(), Clock.systemUTC(), scheduler);
  private SpdyTestServer server;
  private SslContext tls;

  @BeforeEach
  void start() throws Exception {
    provider.createPod(SpdyTestServer.pod("web"));
    server = SpdyTestServer.start(provider, Duration.ofSeconds(2), "web", "ghost");
    tls = SpdyTestServer.clientTls();
  }

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
  }

  @Test
  void execRunsOnTheStreamsAndReportsTheStatusOnTheErrorStream() throws Exception {
    try (SpdyTestClient client = exec("command=sh&command=-c&command=exit+3&output=1&error=1")) {
      assertThat(client.response().headers().get("X-Stream-Protocol-Version"))
          .isEqualTo("v5.channel.k8s.io");
      assertThat(client.response().headers().get("Upgrade")).isEqualTo("SPDY/3.1");
      int error = client.open(Map.of("streamtype", "error"));
      int stdout = client.open(Map.of("streamtype", "stdout"));
      int stderr = client.open(Map.of("streamtype", "stderr"));

      await().until(() -> client.finished(error) && !client.isOpen());
      assertThat(replies(client)).containsExactly(error, stdout, stderr);
      assertThat(client.finished(stdout)).isTrue();
      assertThat(client.finished(stderr)).isTrue();
      assertThat(client.data(error))
          .isEqualTo(
              "{\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code:"
                  + " command exited with 3\",\"reason\":\"NonZeroExitCode\",\"details\":"
                  + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}");
    }
  }

  @Test
  void stdinEndsAtFinAndMoreThanAWindowComesBack() throws Exception {
    String big = "x".repeat(200 * 1024);
    try (SpdyTestClient client = exec("command=tee&command=f&input=1&output=1&error=1")) {
      int error = client.open(Map.of("streamtype", "error"));
      int stdin = client.open(Map.of("streamtype", "stdin"));
      int stdout = client.open(Map.of("streamtype", "stdout"));
      int stderr = client.open(Map.of("streamtype", "stderr"));
      client.send(stdin, big, true);

      await().until(() -> client.finished(error));
      assertThat(client.data(stdout)).isEqualTo(big);
      assertThat(client.data(error)).isEqualTo("{\"status\":\"Success\"}");
      assertThat(client.finished(stdin)).isTrue();
      assertThat(client.data(stderr)).isEmpty();
    }
  }

  @Test
  void answersPingsWithTheSameId() throws Exception {
    try (SpdyTestClient client = exec("command=echo&output=1")) {
      client.ping(7);

      await()
          .until(
              () ->
                  client.frames().stream()
                      .anyMatch(f -> f instanceof SpdyPingFrame p && p.id() == 7));
    }
  }

  @Test
  void legacyProtocolsReportFailuresAsText() throws Exception {
    try (SpdyTestClient client =
        SpdyTestClient.upgrade(
            tls,
            server.port(),
            "/exec/ns/web/app?command=false&output=1&error=1",
            List.of("v3.channel.k8s.io,v2.channel.k8s.io"))) {
      int error = client.open(Map.of("streamtype", "error"));
      client.open(Map.of("streamtype", "stdout"));
      client.open(Map.of("streamtype", "stderr"));

      await().until(() -> client.finished(error));
      assertThat(client.data(error))
          .isEqualTo("command terminated with non-zero exit code: command exited with 1");
    }
  }

  @Test
  void refusesUnknownProtocolsWith403AndMissingOnesWith400() throws Exception {
    try (SpdyTestClient client =
        SpdyTestClient.upgrade(
            tls,
            server.port(),
            "/exec/ns/web/app?command=true&output=1",
            List.of("v9.channel.k8s.io"))) {
      assertThat(client.response().status().code()).isEqualTo(403);
      assertThat(client.response().headers().getAll("X-Accepted-Stream-Protocol-Versions"))
          .containsExactlyElementsOf(KUBECTL_PROTOCOLS);
    }
    try (SpdyTestClient client =
        SpdyTestClient.upgrade(tls, server.port(), "/portForward/ns/web", List.of())) {
      assertThat(client.response().status().code()).isEqualTo(400);
    }
  }

  @Test
  void portForwardEchoesThroughPairedStreams() throws Exception {
    try (SpdyTestClient client = portForward("web")) {
      assertForwards(client);
    }
  }

  @Test
  void aTunnelHandshakeNettyRefusesGets400NotSilence() {
    int status =
        KubeletApiClient.anonymous(server.port())
            .rawRequest(
                "/portForward/ns/web".getBytes(StandardCharsets.US_ASCII),
                "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: SPDY/3.1+portforward.k8s.io\r\n");

    assertThat(status).as("no Sec-WebSocket-Key").isEqualTo(400);
  }

  @Test
  void portForwardThroughTheWebSocketTunnel() throws Exception {
    try (SpdyTestClient client = SpdyTestClient.tunnel(tls, server.port(), "/portForward/ns/web")) {
      assertThat(client.response().headers().get("Sec-WebSocket-Protocol"))
          .isEqualTo("SPDY/3.1+portforward.k8s.io");
      assertForwards(client);
    }
  }

  @Test
  void rejectsPortForwardStreamsWithoutAValidPort() throws Exception {
    try (SpdyTestClient client = portForward("web")) {
      int bad = client.open(Map.of("streamtype", "data", "port", "0", "requestid", "1"));

      await().until(() -> resets(client).contains(bad));
    }
  }

  @Test
  void aFailedPortForwardReportsOnTheErrorStreamAndResetsBoth() throws Exception {
    try (SpdyTestClient client = portForward("ghost")) {
      int error = client.open(Map.of("streamtype", "error", "port", "80", "requestid", "0"));
      int data = client.open(Map.of("streamtype", "data", "port", "80", "requestid", "0"));

      await().until(() -> resets(client).containsAll(List.of(error, data)));
      assertThat(client.data(error))
          .isEqualTo("error forwarding port 80 to pod ghost, uid : pod ns/ghost not found");
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void anUnpairedStreamGetsAnErrorAfterTheTimeout() throws Exception {
    try (SpdyTestClient client = portForward("web")) {
      int error = client.open(Map.of("streamtype", "error", "port", "80", "requestid", "7"));

      await().until(() -> resets(client).contains(error));
      assertThat(client.data(error)).isEqualTo("timed out waiting for streams of request 7");
    }
  }

  @Test
  void execGivesUpWhenTheClientDoesNotOpenItsStreams() throws Exception {
    try (SpdyTestClient client = exec("command=echo&output=1&error=1")) {
      client.open(Map.of("streamtype", "error"));

      await().until(() -> !client.isOpen());
      assertThat(client.frames()).noneMatch(f -> f instanceof SpdyDataFrame);
    }
  }

  private static void assertForwards(SpdyTestClient client) {
    for (String request : List.of("0", "1")) {
      int error = client.open(Map.of("streamtype", "error", "port", "8080", "requestid", request));
      int data = client.open(Map.of("streamtype", "data", "port", "8080", "requestid", request));
      client.send(error, "", true);
      client.send(data, "hello " + request, true);

      await().until(() -> client.finished(data) && client.finished(error));
      assertThat(client.data(data)).isEqualTo("hello " + request);
      assertThat(client.data(error)).isEmpty();
    }
    assertThat(client.isOpen()).isTrue();
  }

  private SpdyTestClient exec(String query) throws Exception {
    return SpdyTestClient.upgrade(
        tls, server.port(), "/exec/ns/web/app?" + query, KUBECTL_PROTOCOLS);
  }

  private SpdyTestClient portForward(String pod) throws Exception {
    return SpdyTestClient.upgrade(
        tls, server.port(), "/portForward/ns/" + pod, List.of("portforward.k8s.io"));
  }

  private static List<Integer> resets(SpdyTestClient client) {
    return client.frames().stream()
        .filter(f -> f instanceof SpdyRstStreamFrame)
        .map(f -> ((SpdyRstStreamFrame) f).streamId())
        .toList();
  }

  private static List<Integer> replies(SpdyTestClient client) {
    return client.frames().stream()
        .filter(f -> f instanceof SpdySynReplyFrame)
        .map(f -> ((SpdySynReplyFrame) f).streamId())
        .toList();
  }
}
