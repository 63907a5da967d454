package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.api.stream.StreamRequest;
import io.camelvk.api.stream.spdy.SpdyTestClient;
import io.camelvk.controlplane.ControlPlaneCertificates;
import io.camelvk.test.Kubectl;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithVirtualKubelet;
import io.camelvk.tls.Pem;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code kubectl port-forward} through the real API server, both ways it can talk: its
 * default WebSocket tunnel (passed through to our node, which declares ExtendWebSocketsToKubelet)
 * and plain SPDY. The mock echoes every byte on every port. The tunnel is also driven directly with
 * the API server's kubelet-client certificate.
 */
@WithVirtualKubelet
class KubectlPortForwardIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final Pattern FORWARDING =
      Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> 8080");
  private static final String POD = "echo";

  private static RunningKubelet kubelet;

  @BeforeAll
  static void runAPod(RunningKubelet started, TestCluster cluster) {
    kubelet = started;
    cluster.runPod(kubelet.nodeName(), POD, LOADED_MACHINE);
  }

  static Stream<StreamTransportCase> transports() {
    return Stream.of(
        new StreamTransportCase(
            "websocket tunnel passed through by the API server",
            Map.of(),
            "websocket",
            "SPDY/3.1+portforward.k8s.io"),
        new StreamTransportCase(
            "spdy",
            Map.of("KUBECTL_PORT_FORWARD_WEBSOCKETS", "false"),
            "spdy",
            "portforward.k8s.io"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void movesBytesBothWaysForTwoConnectionsInTurn(StreamTransportCase transport, TestCluster cluster)
      throws Exception {
    long before = transport.sessions(kubelet, StreamRequest.Kind.PORT_FORWARD);
    Kubectl kubectl = Kubectl.of(cluster).withEnv(transport.env());
    Process forward =
        kubectl.start(kubectl.command("port-forward", "-n", cluster.namespace(), POD, ":8080"));
    try {
      int localPort = localPort(forward);

      assertThat(roundTrip(localPort, "first connection\n")).isEqualTo("first connection\n");
      assertThat(roundTrip(localPort, "second connection\n")).isEqualTo("second connection\n");
      assertThat(forward.isAlive()).isTrue();
      assertThat(transport.sessions(kubelet, StreamRequest.Kind.PORT_FORWARD))
          .isGreaterThan(before);
    } finally {
      forward.destroy();
      forward.waitFor();
    }
  }

  @Test
  void theTunnelCarriesSpdyInsideWebSocketMessages(TestCluster cluster) throws Exception {
    try (SpdyTestClient client =
        SpdyTestClient.tunnel(
            apiServerIdentity(cluster),
            kubelet.settings().node().kubeletPort(),
            "/portForward/" + cluster.namespace() + "/" + POD)) {
      assertThat(client.response().headers().get("Sec-WebSocket-Protocol"))
          .isEqualTo("SPDY/3.1+portforward.k8s.io");
      int error = client.open(Map.of("streamtype", "error", "port", "8080", "requestid", "0"));
      int data = client.open(Map.of("streamtype", "data", "port", "8080", "requestid", "0"));
      client.send(error, "", true);
      client.send(data, "through the tunnel", true);

      await().until(() -> client.finished(data) && client.finished(error));
      assertThat(client.data(data)).isEqualTo("through the tunnel");
      assertThat(client.data(error)).isEmpty();
    }
  }

  private static SslContext apiServerIdentity(TestCluster cluster) throws Exception {
    ControlPlaneCertificates pki = cluster.plane().certificates();
    return SslContextBuilder.forClient()
        .trustManager(InsecureTrustManagerFactory.INSTANCE)
        .keyManager(
            Pem.privateKey(pki.kubeletClientKey()),
            Pem.certificates(pki.kubeletClientCertificate()).toArray(X509Certificate[]::new))
        .build();
  }

  private static int localPort(Process forward) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(forward.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher matcher = FORWARDING.matcher(line);
      if (matcher.find()) {
        Thread.startVirtualThread(() -> drain(out));
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException(
        "kubectl port-forward ended: "
            + new String(forward.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // kubectl prints "Handling connection for 8080" per connection
      }
    } catch (IOException e) {
      // kubectl ended
    }
  }

  private static String roundTrip(int localPort, String message) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", localPort)) {
      socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
      socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      byte[] echoed = socket.getInputStream().readNBytes(message.length());
      return new String(echoed, StandardCharsets.UTF_8);
    }
  }
}
