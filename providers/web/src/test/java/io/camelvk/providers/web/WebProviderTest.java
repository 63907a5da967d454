package io.camelvk.providers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.ProviderSettings;
import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.runtime.ProviderClient;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the web provider adds to the contract: node profile, failures, circuit breaker, tokens. */
class WebProviderTest {

  @TempDir Path dir;
  private WebBackend backend;
  private ProviderHarness harness;

  @AfterEach
  void stop() throws Exception {
    if (harness != null) {
      harness.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void theNodeProfileIsTheBackendsCapacityConditionsAndAddresses() throws Exception {
    start(List.of("--pods", "2000"), Map.of());

    NodeProfile profile = client().node("web-node");

    assertThat(profile.capacity())
        .containsEntry("cpu", new Quantity("16"))
        .containsEntry("pods", new Quantity("2000"));
    assertThat(profile.conditions())
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("BackendReady"));
    assertThat(profile.addresses()).containsExactly(new NodeAddress("198.51.100.10", "ExternalIP"));
  }

  @Test
  void aFailingBackendFailsTheCallInOneLineAndMakesTheNodeNotReadyKeepingItsCapacity()
      throws Exception {
    start(List.of("--pods", "2000"), Map.of());
    Pod pod = pod("failing");
    client().create(pod, PodVolumes.NONE);
    client().node("web-node");

    backend.failWith(503);

    assertThatThrownBy(() -> client().status(pod))
        .hasMessageStartingWith(
            "web backend " + backend.url() + " unavailable: answered 503 to GET /getPod")
        .hasMessageNotContaining("\n");
    NodeProfile down = client().node("web-node");
    assertThat(down.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("BackendUnavailable");
              assertThat(c.getMessage()).contains(backend.url());
            });
    assertThat(down.capacity()).containsEntry("pods", new Quantity("2000"));
  }

  @Test
  void theCircuitBreakerStopsCallingABackendThatFailsAndTriesAgainLater() throws Exception {
    start(List.of(), Map.of());
    Pod pod = pod("breaker");
    client().create(pod, PodVolumes.NONE);
    backend.failWith(500);
    int before = total(backend.requests());

    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> client().status(pod)).isInstanceOf(IllegalStateException.class);
    }

    assertThat(total(backend.requests()) - before).isLessThan(10);
    assertThatThrownBy(() -> client().status(pod)).hasMessageContaining("circuit breaker open");
    backend.failWith(0);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> client().status(pod).isPresent());
  }

  @Test
  void aBackendThatIsDownMakesTheNodeNotReady() throws Exception {
    start(List.of(), Map.of());
    backend.close();

    NodeProfile down = client().node("web-node");

    assertThat(down.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getMessage())
                  .startsWith("web backend http://127.0.0.1:")
                  .contains("Connection refused");
            });
    assertThat(down.capacity()).isEqualTo(NodeProfile.DEFAULT.capacity());
    backend = null;
  }

  @Test
  void aFollowedLogGivesTheTailThenTheLinesAddedUntilThePodIsGone() throws Exception {
    start(List.of(), Map.of());
    Pod pod = pod("followed");
    client().create(pod, PodVolumes.NONE);

    try (BufferedReader log =
        new BufferedReader(
            new InputStreamReader(
                client()
                    .logs(
                        "web",
                        "followed",
                        "app",
                        new LogOptions(1, null, null, false, false, true)),
                StandardCharsets.UTF_8))) {
      assertThat(log.readLine()).endsWith("followed/app: line 5");
      backend.log("web", "followed", "app", "one more");
      assertThat(log.readLine()).isEqualTo("one more");
      client().delete(pod, Duration.ofSeconds(2));
      assertThat(log.readLine()).isNull();
    }
  }

  @Test
  void withoutAUrlTheProviderDoesNotStartAndSaysWhatToSet() {
    assertThatThrownBy(
            () ->
                ProviderHarness.start(
                        ProviderSet.create(
                            ProviderSettings.only(WebBackend.NAME, Optional.empty()),
                            "web-node",
                            Clock.systemUTC()),
                        Map.of())
                    .close())
        .hasStackTraceContaining(
            "vk.provider.web.url is not set (nor the environment variable WEB_ENDPOINT_URL)");
  }

  @Test
  void anUnknownPodHasNoStatusAndItsDeleteIsDone() throws Exception {
    start(List.of(), Map.of());

    assertThat(client().status(pod("unknown"))).isEmpty();
    assertThat(client().delete(pod("unknown"), Duration.ofSeconds(2))).isEmpty();
    assertThat(backend.requests()).containsEntry("/deletePod", 1);
  }

  @Test
  void aBearerTokenFromItsFileIsSentAndARotatedOneIsUsedAtOnce() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "first");
    start(
        List.of("--token-file", token.toString()),
        Map.of("vk.provider.web.token-file", token.toString()));
    Pod pod = pod("authorized");

    client().create(pod, PodVolumes.NONE);
    Files.writeString(token, "second");

    assertThat(client().status(pod)).isPresent();
  }

  @Test
  void anHttpsBackendIsTrustedThroughTheCaFileAndGetsTheClientCertificate() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("web-backend-ca");
    Path caFile = Files.writeString(dir.resolve("ca.pem"), pem(ca.certificate()));
    ca.issueServer("backend", List.of("localhost"), List.of("127.0.0.1"))
        .writePem(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    ca.issueClient("virtual-kubelet", List.of())
        .writePem(dir.resolve("client.pem"), dir.resolve("client-key.pem"));
    List<String> https =
        List.of(
            "--tls-cert", dir.resolve("server.pem").toString(),
            "--tls-key", dir.resolve("server-key.pem").toString(),
            "--client-ca", caFile.toString());
    start(
        https,
        Map.of(
            "vk.provider.web.ca-file", caFile.toString(),
            "vk.provider.web.client-cert-file", dir.resolve("client.pem").toString(),
            "vk.provider.web.client-key-file", dir.resolve("client-key.pem").toString()));
    Pod pod = pod("over-tls");

    client().create(pod, PodVolumes.NONE);

    assertThat(backend.url()).startsWith("https://");
    assertThat(client().status(pod)).isPresent();
  }

  @Test
  void anHttpsBackendWhoseCaIsNotGivenIsNotTrusted() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("web-backend-ca");
    ca.issueServer("backend", List.of("localhost"), List.of("127.0.0.1"))
        .writePem(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    start(
        List.of(
            "--tls-cert", dir.resolve("server.pem").toString(),
            "--tls-key", dir.resolve("server-key.pem").toString()),
        Map.of());

    assertThatThrownBy(() -> client().status(pod("untrusted")))
        .hasMessageStartingWith("web backend " + backend.url() + " unavailable:")
        .hasMessageContaining("PKIX");
  }

  @Test
  void withoutTheTokenTheBackendsRefusalIsTheCallsError() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "first");
    start(List.of("--token-file", token.toString()), Map.of());

    assertThatThrownBy(() -> client().status(pod("refused")))
        .hasMessageStartingWith("web backend answered 401 to GET /getPod");
  }

  @Test
  void eachOperationCostsTheBackendOneRequest() throws Exception {
    start(List.of(), Map.of("vk.provider.web.status-batch-period", "0"));
    Pod pod = pod("counted");

    client().create(pod, PodVolumes.NONE);
    client().status(pod);
    client().pods();
    client().delete(pod, Duration.ofSeconds(2));

    assertThat(backend.requests())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("/createPod", 1, "/getPodStatus", 1, "/getPods", 1, "/deletePod", 1));
  }

  @Test
  void statusesComeFromOneListAPeriodAndAPodNotInItIsAskedOnItsOwn() throws Exception {
    start(List.of(), Map.of("vk.provider.web.status-batch-period", "1m"));
    Pod listed = pod("listed");
    Pod later = pod("later");
    client().create(listed, PodVolumes.NONE);

    assertThat(client().status(listed)).isPresent();
    client().create(later, PodVolumes.NONE);
    assertThat(client().status(later)).isPresent();
    assertThat(client().status(listed)).isPresent();
    assertThat(client().status(pod("unknown"))).isEmpty();

    assertThat(backend.requests())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("/createPod", 2, "/getPods", 1, "/getPodStatus", 2));
  }

  private static int total(Map<String, Integer> requests) {
    return requests.values().stream().mapToInt(Integer::intValue).sum();
  }

  private void start(List<String> backendOptions, Map<String, String> properties) throws Exception {
    backend = WebBackend.start(0, backendOptions);
    Map<String, String> all = new HashMap<>(properties);
    all.put(WebBackend.URL_PROPERTY, backend.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only(WebBackend.NAME, Optional.empty()),
                "web-node",
                Clock.systemUTC()),
            all);
  }

  private static String pem(java.security.cert.X509Certificate certificate)
      throws java.security.cert.CertificateEncodingException {
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  private ProviderClient client() {
    return harness.provider().client();
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("web")
        .withName(name)
        .withUid(UUID.randomUUID().toString())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
