package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.ProviderContext;
import io.camelvk.provider.ProviderException;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's calls against the fake plugin: the shapes of {@code /create} that releases and
 * plugins differ on, an interLink API server's dialect, batched status, followed logs over a unix
 * socket, credentials and mutual TLS, and a failing backend.
 */
class InterlinkCallsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;
  private FakePlugin plugin;
  private InterlinkProvider provider;

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.close();
    }
    if (plugin != null) {
      plugin.close();
    }
  }

  @Test
  void aPluginThatTakesAnArrayGetsOneWhenSoConfigured() {
    plugin = FakePlugin.onPort(0, "--create-body", "array");
    provider = provider(Map.of("create-body", "array"));
    Pod pod = pod("array", "sleep 30");

    provider.createPod(pod);

    awaitRunning(pod);
    assertThat(provider.pods()).extracting(p -> p.getMetadata().getUid()).containsExactly(uid(pod));
  }

  @Test
  void aPluginThatTakesAnArrayRefusesAnObjectAndThePodFailsAtOnce() {
    plugin = FakePlugin.onPort(0, "--create-body", "array");
    provider = provider(Map.of());

    assertThatThrownBy(() -> provider.createPod(pod("object", "true")))
        .isInstanceOf(PodRefusedException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("takes /create as an array");
    assertThat(provider.pods()).isEmpty();
  }

  @Test
  void anInterlinkApiServerGetsThePodWithItsObjectsWholeAndAPingReportsItsResources() {
    plugin =
        FakePlugin.onPort(
            0,
            "--resources",
            "{\"cpu\": \"64\", \"pods\": \"1000\", \"accelerators\": "
                + "[{\"resourceType\": \"nvidia.com/gpu\", \"available\": \"8\"}]}");
    provider = provider(Map.of("target", "api"));
    Pod pod = pod("api", "sleep 30");

    provider.createPod(pod);
    awaitRunning(pod);
    NodeProfile profile = provider.nodeProfile("node");
    provider.deletePod(pod);

    assertThat(profile.capacity().get("cpu").toString()).isEqualTo("64");
    assertThat(profile.capacity().get("pods").toString()).isEqualTo("1000");
    assertThat(profile.capacity().get("nvidia.com/gpu").toString()).isEqualTo("8");
    assertThat(ready(profile).getStatus()).isEqualTo("True");
    assertThat(plugin.counts()).containsEntry("/pinglink", 1).containsEntry("/delete", 1);
    assertThat(provider.podStatus("ns", "api")).isEmpty();
  }

  @Test
  void oneStatusRequestServesEveryPodWhateverTheirNumber() {
    plugin = FakePlugin.onPort(0);
    provider = provider(Map.of("status-max-age", "300ms"));
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Pod pod = pod("many-" + i, "sleep 30");
      provider.createPod(pod);
      pods.add(pod);
    }
    pods.forEach(this::awaitRunning);
    int before = plugin.count("/status");

    for (int round = 0; round < 3; round++) {
      for (Pod pod : pods) {
        assertThat(provider.podStatus("ns", pod.getMetadata().getName())).isPresent();
      }
      sleep(Duration.ofMillis(350));
    }

    assertThat(plugin.count("/status") - before)
        .as("status requests for 90 pod statuses")
        .isLessThanOrEqualTo(4);
  }

  @Test
  void aFollowedLogStreamsOverAUnixSocketUntilTheContainerEnds() throws IOException {
    plugin = FakePlugin.onSocket(dir.resolve("interlink.sock"));
    provider = provider(Map.of());
    Pod pod = pod("follow", "echo one; sleep 1; echo two");
    provider.createPod(pod);
    awaitRunning(pod);

    long started = System.nanoTime();
    String followed;
    try (InputStream log =
        provider.logs(
            "ns", "follow", "app", new LogOptions(null, null, null, false, false, true))) {
      followed = new String(log.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(followed).isEqualTo("one\ntwo\n");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
    try (InputStream tail =
        provider.logs("ns", "follow", "app", new LogOptions(1, null, null, false, false, false))) {
      assertThat(new String(tail.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two\n");
    }
  }

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
    Path caFile = Files.writeString(dir.resolve("ca.pem"), pem(ca.certificate()));
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
    int requests = plugin.count("/status");
    assertThatThrownBy(() -> provider.podStatus("ns", "outage"))
        .hasMessageContaining("circuit is open");
    assertThat(ready(provider.nodeProfile("node")).getMessage()).contains("circuit is open");
    plugin.answerEverything(0);
    assertThat(plugin.count("/status")).as("an open circuit sends nothing").isEqualTo(requests);
  }

  private InterlinkProvider provider(Map<String, String> settings) {
    Map<String, String> properties = new HashMap<>(settings);
    properties.putIfAbsent("url", plugin.url());
    properties.putIfAbsent("status-max-age", "100ms");
    return (InterlinkProvider)
        new InterlinkProviderFactory()
            .create(new ProviderContext("node", Optional.empty(), Clock.systemUTC(), properties));
  }

  private void awaitRunning(Pod pod) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                provider
                    .podStatus("ns", pod.getMetadata().getName())
                    .map(PodStatus::getContainerStatuses)
                    .filter(
                        c ->
                            !c.isEmpty() && c.getFirst().getState().getRunning() != null
                                || !c.isEmpty() && c.getFirst().getState().getTerminated() != null)
                    .isPresent());
  }

  private static Pod pod(String name, String script) {
    return TestPods.named("ns", name, UUID.randomUUID().toString())
        .editSpec()
        .withRestartPolicy("Never")
        .editFirstContainer()
        .withCommand("sh", "-c", script)
        .endContainer()
        .endSpec()
        .build();
  }

  private static NodeCondition ready(NodeProfile profile) {
    return profile.conditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
