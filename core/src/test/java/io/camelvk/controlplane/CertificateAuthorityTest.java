package io.camelvk.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.test.BoundedProcess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  private final CertificateAuthority ca = CertificateAuthority.create("test-ca");

  @Test
  void serverCertificateIsSignedByTheCaAndNamesItsAddresses() throws Exception {
    IssuedCertificate server =
        ca.issueServer("kube-apiserver", List.of("kubernetes"), List.of("127.0.0.1"));

    server.certificate().verify(ca.certificate().getPublicKey());
    assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(server.certificate().getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "kubernetes"), List.of(7, "127.0.0.1"));
    assertThat(server.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void clientCertificateCarriesTheGroupAsOrganization() throws Exception {
    IssuedCertificate admin = ca.issueClient("kubernetes-admin", List.of("system:masters"));

    assertThat(admin.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=kubernetes-admin,O=system:masters");
    assertThat(admin.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(admin.certificate().getIssuerX500Principal())
        .isEqualTo(ca.certificate().getSubjectX500Principal());
  }

  @Test
  void certificateOfAnotherCaDoesNotVerify() {
    IssuedCertificate foreign = CertificateAuthority.create("other").issueClient("x", List.of());

    assertThatThrownBy(() -> foreign.certificate().verify(ca.certificate().getPublicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void pemFilesRoundTripAndTheKeyIsPrivateToItsOwner(@TempDir Path dir) throws Exception {
    IssuedCertificate client = ca.issueClient("someone", List.of());
    client.writePem(dir.resolve("c.crt"), dir.resolve("c.key"));

    X509Certificate read =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(dir.resolve("c.crt"))));
    assertThat(read).isEqualTo(client.certificate());
    assertThat(Files.readString(dir.resolve("c.key"), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(Files.getPosixFilePermissions(dir.resolve("c.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(client.toString()).doesNotContain("PRIVATE");
    var openssl =
        BoundedProcess.run(
            new ProcessBuilder(
                    "openssl", "pkey", "-in", dir.resolve("c.key").toString(), "-noout", "-check")
                .redirectErrorStream(true),
            Duration.ofSeconds(30));
    assertThat(openssl.exitCode()).as(openssl.stdout()).isZero();
  }

  @Test
  void controlPlanePkiHasEveryFileTheComponentsNeed(@TempDir Path dir) {
    ControlPlaneCertificates pki = ControlPlaneCertificates.generate(dir, "10.0.0.1");

    assertThat(
            List.of(
                pki.caCertificate(),
                pki.caKey(),
                pki.apiServerCertificate(),
                pki.apiServerKey(),
                pki.kubeletClientCertificate(),
                pki.kubeletClientKey(),
                pki.serviceAccountPublicKey(),
                pki.serviceAccountPrivateKey(),
                pki.servingCertificate("scheduler"),
                pki.servingKey("controller-manager")))
        .allSatisfy(f -> assertThat(f).isNotEmptyFile());
  }
}
