package io.camelvk.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

  @Test
  void fabric8ReadsTheServerAndTheEmbeddedCredentials(@TempDir Path dir) {
    CertificateAuthority ca = CertificateAuthority.create("ca");
    IssuedCertificate admin = ca.issueClient("kubernetes-admin", List.of("system:masters"));

    Path file =
        Kubeconfig.write(
            dir.resolve("kubeconfig"),
            "https://127.0.0.1:6443",
            IssuedCertificate.pem(ca.certificate()),
            admin,
            "kubernetes-admin");
    Config config = Config.fromKubeconfig(file.toFile());

    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
    assertThat(config.getClientCertData()).isNotBlank();
    assertThat(config.getClientKeyData()).isNotBlank();
    assertThat(config.getCaCertData()).isNotBlank();
    assertThat(config.getCurrentContext().getName()).isEqualTo(Kubeconfig.CONTEXT);
  }
}
