package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.api.stats.NodeUsage;
import io.camelvk.api.stats.ResourceMetricsEndpoint;
import io.camelvk.api.stats.StatsSummaryEndpoint;
import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.LoopbackPorts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server alone, with a generated certificate and access control turned off. */
class KubeletApiServerTest {

  private static final NodeUsage BARE = new NodeUsage(Optional::empty, List.of("bare"));

  private static final KubeletApiSettings OPEN = KubeletApiSettings.DEFAULT.withAuth(false);

  private KubeletApiServer server;

  @BeforeEach
  void start() throws Exception {
    ServingCertificate serving = ServingCertificate.of(OPEN, "node-a", "127.0.0.1");
    server =
        new KubeletApiServer(
            LoopbackPorts.free(),
            fixed(ServerTls.context(serving, List.of())),
            new ApiAccess(null, null, null, false),
            List.of(
                new HealthzEndpoint(),
                new StatsSummaryEndpoint(BARE),
                new ResourceMetricsEndpoint(BARE)),
            OPEN);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void servesEveryoneWhenAccessControlIsOff() {
    KubeletApiClient client = KubeletApiClient.anonymous(server.port());

    assertThat(client.get("/healthz").body()).isEqualTo("ok");
    var withoutPodStats = client.get("/metrics/resource");
    assertThat(withoutPodStats.statusCode()).isEqualTo(501);
    assertThat(withoutPodStats.body())
        .isEqualTo("provider bare cannot report resource usage (no PodStats)\n");
    assertThat(client.get("/unknown").statusCode()).isEqualTo(404);
  }

  @Test
  void answersTheSummaryWith501WithoutPodStatsOnGetAndPostOnly() {
    KubeletApiClient client = KubeletApiClient.anonymous(server.port());

    assertThat(client.get("/stats/summary").statusCode()).isEqualTo(501);
    assertThat(client.post("/stats/summary?only_cpu_and_memory=true").body())
        .isEqualTo("provider bare cannot report resource usage (no PodStats)\n");
    assertThat(client.send("PUT", "/stats/summary", null).statusCode()).isEqualTo(405);
  }

  @Test
  void enablesOnlyTls12And13() throws Exception {
    ServingCertificate serving = ServingCertificate.of(OPEN, "node-a", "127.0.0.1");

    String[] enabled =
        ServerTls.context(serving, List.of())
            .newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT)
            .getEnabledProtocols();

    assertThat(enabled).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
  }

  @Test
  void answersAMalformedUriWith400() throws Exception {
    try (var socket =
        (javax.net.ssl.SSLSocket)
            insecureTls().getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /containerLogs/%ZZ/p/c?tailLines=%G1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 400 ").endsWith("malformed URI\n");
    }
  }

  @Test
  void failsToStartWithAClearMessageWhenThePortIsTaken() throws Exception {
    ServingCertificate serving = ServingCertificate.of(OPEN, "node-b", "127.0.0.1");
    KubeletApiServer second =
        new KubeletApiServer(
            server.port(),
            fixed(ServerTls.context(serving, List.of())),
            new ApiAccess(null, null, null, false),
            List.of(),
            OPEN);

    org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot serve the kubelet API on port " + server.port());
  }

  private static javax.net.ssl.SSLContext insecureTls() throws Exception {
    javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(
        null,
        io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE.getTrustManagers(),
        null);
    return tls;
  }

  private static java.util.concurrent.CompletableFuture<
          java.util.function.Supplier<io.netty.handler.ssl.SslContext>>
      fixed(io.netty.handler.ssl.SslContext context) {
    return java.util.concurrent.CompletableFuture.completedFuture(() -> context);
  }
}
