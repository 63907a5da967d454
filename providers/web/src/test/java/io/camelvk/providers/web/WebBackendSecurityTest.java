package io.camelvk.providers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials and TLS towards the backend, through camel-http. */
class WebBackendSecurityTest extends WebProviderTestBase {

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
  void withoutTheTokenTheBackendsRefusalIsTheCallsError() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "first");
    start(List.of("--token-file", token.toString()), Map.of());

    assertThatThrownBy(() -> client().status(pod("refused")))
        .hasMessageStartingWith("web backend answered 401 to GET /getPod");
  }

  @Test
  void anHttpsBackendIsTrustedThroughTheCaFileAndGetsTheClientCertificate() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("web-backend-ca");
    Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
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
}
