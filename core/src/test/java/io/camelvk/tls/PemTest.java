package io.camelvk.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.controlplane.IssuedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

  @TempDir Path dir;

  @Test
  void aChainFileGivesEveryCertificateInOrderAndASec1KeyFileItsKey() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("pem-ca");
    IssuedCertificate issued = ca.issueServer("server", List.of("localhost"), List.of());
    Path chain =
        Files.writeString(dir.resolve("chain.pem"), issued.certificatePem() + ca.certificatePem());
    Path key = Files.writeString(dir.resolve("key.pem"), issued.privateKeyPem());

    assertThat(Pem.certificates(chain)).containsExactly(issued.certificate(), ca.certificate());
    assertThat(((ECPrivateKey) Pem.privateKey(key)).getS())
        .isEqualTo(((ECPrivateKey) issued.keys().getPrivate()).getS());
  }

  @Test
  void bytesFromAKubeconfigGiveTheirCertificates() {
    CertificateAuthority ca = CertificateAuthority.create("pem-ca");
    byte[] pem = ca.certificatePem().getBytes(StandardCharsets.US_ASCII);

    assertThat(Pem.certificates(pem, "the kubeconfig's CA")).containsExactly(ca.certificate());
  }

  @Test
  void aFileWithoutACertificateOrKeyIsRefusedByName() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThatThrownBy(() -> Pem.certificates(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(empty + " holds no PEM certificate");
    assertThatThrownBy(() -> Pem.certificates("garbage".getBytes(StandardCharsets.US_ASCII), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("x holds no");
    assertThatThrownBy(() -> Pem.privateKey(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(empty + " holds no unencrypted PEM private key");
  }
}
