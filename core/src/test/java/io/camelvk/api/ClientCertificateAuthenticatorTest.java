package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.controlplane.IssuedCertificate;
import java.security.cert.Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCertificateAuthenticatorTest {

  private final CertificateAuthority ca = CertificateAuthority.create("test-ca");
  private final ClientCertificateAuthenticator authenticator =
      new ClientCertificateAuthenticator(List.of(ca.certificate()));

  @Test
  void namesTheUserByCommonNameAndTheGroupsByOrganization() {
    IssuedCertificate client = ca.issueClient("alice", List.of("devs", "system:masters"));

    assertThat(authenticator.authenticate(new Certificate[] {client.certificate()}))
        .hasValueSatisfying(
            caller -> {
              assertThat(caller.user()).isEqualTo("alice");
              assertThat(caller.groups()).containsExactlyInAnyOrder("devs", "system:masters");
            });
  }

  @Test
  void refusesACertificateOfAnotherCa() {
    IssuedCertificate stranger =
        CertificateAuthority.create("other-ca").issueClient("mallory", List.of("system:masters"));

    assertThat(authenticator.authenticate(new Certificate[] {stranger.certificate()})).isEmpty();
  }

  @Test
  void refusesAServingCertificate() {
    IssuedCertificate server = ca.issueServer("node", List.of("node"), List.of("127.0.0.1"));

    assertThat(authenticator.authenticate(new Certificate[] {server.certificate()})).isEmpty();
  }

  @Test
  void authenticatesNobodyWithoutACertificateOrWithoutAClientCa() {
    IssuedCertificate client = ca.issueClient("alice", List.of());

    assertThat(authenticator.authenticate(null)).isEmpty();
    assertThat(
            new ClientCertificateAuthenticator(List.of())
                .authenticate(new Certificate[] {client.certificate()}))
        .isEmpty();
  }
}
