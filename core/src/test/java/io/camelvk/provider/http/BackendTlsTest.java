package io.camelvk.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.camelvk.controlplane.CertificateAuthority;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend on HTTPS that needs a client certificate, both issued by a CA of the test. */
class BackendTlsTest {

  @TempDir Path dir;
  private Path caFile;
  private Path clientCertificate;
  private Path clientKey;
  private HttpsServer server;

  @BeforeEach
  void startBackend() throws IOException {
    CertificateAuthority ca = CertificateAuthority.create("backend-ca");
    caFile = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    ca.issueServer("backend", List.of("localhost"), List.of("127.0.0.1"))
        .writePem(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    clientCertificate = dir.resolve("client.pem");
    clientKey = dir.resolve("client-key.pem");
    ca.issueClient("virtual-kubelet", List.of()).writePem(clientCertificate, clientKey);
    SSLContext serverContext =
        BackendTls.context(
            Optional.of(caFile),
            Optional.of(dir.resolve("server.pem")),
            Optional.of(dir.resolve("server-key.pem")));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(serverContext) {
          @Override
          public void configure(HttpsParameters parameters) {
            parameters.setNeedClientAuth(true);
          }
        });
    server.createContext(
        "/whoami",
        exchange -> {
          String subject =
              ((X509Certificate)
                      ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
                  .getSubjectX500Principal()
                  .getName();
          byte[] body = subject.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopBackend() {
    server.stop(0);
  }

  @Test
  void trustsTheBackendThroughTheCaFileAndPresentsTheClientCertificate() throws Exception {
    SSLContext context =
        BackendTls.context(
            Optional.of(caFile), Optional.of(clientCertificate), Optional.of(clientKey));

    HttpResponse<String> response = call(context);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("CN=virtual-kubelet");
  }

  @Test
  void withoutTheCaFileTheBackendsCertificateIsNotTrusted() {
    SSLContext context =
        BackendTls.context(
            Optional.empty(), Optional.of(clientCertificate), Optional.of(clientKey));

    assertThatThrownBy(() -> call(context)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void withoutAClientCertificateABackendThatNeedsOneRefusesTheCall() {
    SSLContext context =
        BackendTls.context(Optional.of(caFile), Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> call(context)).isInstanceOf(IOException.class);
  }

  @Test
  void aCaFileWithoutACertificateIsAClearError() throws IOException {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");

    assertThatThrownBy(
            () -> BackendTls.context(Optional.of(notPem), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notPem.toString());
  }

  private HttpResponse<String> call(SSLContext context) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().sslContext(context).build()) {
      return client.send(
          HttpRequest.newBuilder(
                  URI.create("https://localhost:" + server.getAddress().getPort() + "/whoami"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
