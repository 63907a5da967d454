package io.camelvk.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Polls a component's health endpoint until it answers 200, failing early if the process dies. */
final class HealthProbe {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

  private final HttpClient http;

  /** A probe that trusts {@code ca} and presents {@code client} to TLS servers. */
  HealthProbe(X509Certificate ca, IssuedCertificate client) {
    this.http =
        HttpClient.newBuilder()
            .sslContext(sslContext(ca, client))
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
  }

  void awaitHealthy(ManagedProcess process, URI endpoint, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      process.requireAlive();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "HTTP " + response.statusCode() + ": " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + process.name(), e);
      }
      sleep(POLL_INTERVAL);
    }
    throw new IllegalStateException(
        process.name()
            + " not healthy at "
            + endpoint
            + " after "
            + timeout
            + " ("
            + last
            + "); last lines of "
            + process.log()
            + ":\n"
            + process.logTail());
  }

  private static SSLContext sslContext(X509Certificate ca, IssuedCertificate client) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "client",
          client.keys().getPrivate(),
          IN_MEMORY_PASSWORD,
          new X509Certificate[] {client.certificate()});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, IN_MEMORY_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS context for health probes", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
