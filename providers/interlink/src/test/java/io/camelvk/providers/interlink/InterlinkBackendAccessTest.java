package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.provider.ProviderException;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the provider reaches a plugin and what a failing one does: a bearer token file read again for
 * each call, https with mutual TLS, and a backend that fails, then opens its circuit.
 */
class InterlinkBackendAccessTest extends FakePluginFixture {

  @Test
  void theBearerTokenFileIsReadAgainForEachCall() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "first\n");
    plugin = FakePlugin.onPort(0, "--token-file", token.toString());
    provider = provider(Map.of("token-file", token.toString()));
    Pod first = pod("token-1", "true");
    provider.createPod(first);

    Files.writeString(token, "rotated\n");
    Pod second = pod("token-2", "true");
    provider.createPod(second);

    assertThat(provider.pods()).hasSize(2);
  }

  @Test
  void aWrongTokenIsATransientFailureNotARefusalOfThePod() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "expected");
    Path wrong = Files.writeString(dir.resolve("wrong"), "other");
    plugin = FakePlugin.onPort(0, "--token-file", token.toString());
    provider = provider(Map.of("token-file", wrong.toString()));

    assertThatThrownBy(() -> provider.createPod(pod("denied", "true")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT))
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void httpsWithMutualTlsReachesAPluginThatAsksForAClientCertificate() throws IOException {
    CertificateAuthority ca = CertificateAuthority.create("plugin-ca");
    Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    ca.issueServer("plugin", List.of("localhost"), List.of("127.0.0.1"))
        .writePem(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    ca.issueClient("virtual-kubelet", List.of())
        .writePem(dir.resolve("client.pem"), dir.resolve("client-key.pem"));
    plugin =
        FakePlugin.onPort(
            0,
            "--tls-cert",
            dir.resolve("server.pem").toString(),
            "--tls-key",
            dir.resolve("server-key.pem").toString(),
            "--client-ca",
            caFile.toString());
    Map<String, String> tls =
        Map.of(
            "url", plugin.url().replace("http://", "https://"),
            "ca-file", caFile.toString(),
            "client-cert-file", dir.resolve("client.pem").toString(),
            "client-key-file", dir.resolve("client-key.pem").toString());
    provider = provider(tls);
    Pod pod = pod("tls", "sleep 30");

    provider.createPod(pod);

    awaitRunning(pod);
  }

  @Test
  void aFailingBackendIsATransientFailureAndMakesTheNodeNotReadyThenOpensItsCircuit() {
    plugin = FakePlugin.onPort(0);
    provider = provider(Map.of("status-max-age", "1ms"));
    Pod pod = pod("outage", "sleep 30");
    provider.createPod(pod);
    awaitRunning(pod);

    plugin.answerEverything(503);

    assertThatThrownBy(() -> provider.podStatus("ns", "outage"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT))
        .hasMessageContaining("HTTP 503");
    NodeCondition down = ready(provider.nodeProfile("node"));
    assertThat(down.getStatus()).isEqualTo("False");
    assertThat(down.getReason()).isEqualTo(BackendHealth.PING_FAILED);
    for (int i = 0; i < BackendBreaker.WINDOW; i++) {
      try {
        provider.podStatus("ns", "outage");
      } catch (ProviderException e) {
        // counted by the breaker
      }
    }
    int requests = plugin.count("/status") + plugin.count("/status (ping)");
    assertThatThrownBy(() -> provider.podStatus("ns", "outage"))
        .hasMessageContaining("circuit is open");
    assertThat(ready(provider.nodeProfile("node")).getMessage()).contains("circuit is open");
    plugin.answerEverything(0);
    assertThat(plugin.count("/status") + plugin.count("/status (ping)"))
        .as("an open circuit sends nothing")
        .isEqualTo(requests);
  }
}
