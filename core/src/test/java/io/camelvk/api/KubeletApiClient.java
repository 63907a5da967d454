package io.camelvk.api;

import io.camelvk.controlplane.ControlPlaneCertificates;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TrustingAnyServer;
import io.camelvk.tls.Pem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS client of a kubelet API, as kube-apiserver without {@code
 * --kubelet-certificate-authority} is one: it does not verify the serving certificate.
 */
public final class KubeletApiClient {

  private final SSLContext tls;
  private final HttpClient http;
  private final int port;

  private KubeletApiClient(SSLContext tls, int port) {
    this.tls = tls;
    this.http = HttpClient.newBuilder().sslContext(tls).build();
    this.port = port;
  }

  /** Without a client certificate. */
  static KubeletApiClient anonymous(int port) {
    return new KubeletApiClient(tls(null), port);
  }

  /** As the API server: with its kubelet-client certificate, from the cluster's PKI. */
  public static KubeletApiClient asApiServer(TestCluster cluster, int port) {
    ControlPlaneCertificates pki = cluster.plane().certificates();
    return withCertificate(port, pki.kubeletClientCertificate(), pki.kubeletClientKey());
  }

  /** With the client certificate and key of these PEM files. */
  static KubeletApiClient withCertificate(int port, Path certificate, Path key) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "client",
          Pem.privateKey(key),
          new char[0],
          Pem.certificates(certificate).toArray(X509Certificate[]::new));
      KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
      keys.init(store, new char[0]);
      return new KubeletApiClient(tls(keys), port);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A WebSocket to {@code path} of the kubelet, with this client's TLS identity. */
  CompletableFuture<WebSocket> webSocket(
      String path, List<String> subprotocols, WebSocket.Listener listener) {
    WebSocket.Builder builder =
        http.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(30));
    if (!subprotocols.isEmpty()) {
      builder.subprotocols(
          subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
    }
    return builder.buildAsync(URI.create("wss://127.0.0.1:" + port + path), listener);
  }

  public HttpResponse<String> get(String path) {
    return get(path, null);
  }

  HttpResponse<String> get(String path, String bearerToken) {
    return send("GET", path, bearerToken);
  }

  /** A POST with an empty body, as the summary API also takes. */
  HttpResponse<String> post(String path) {
    return send("POST", path, null);
  }

  HttpResponse<String> send(String method, String path, String bearerToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(java.time.Duration.ofSeconds(30));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code target} as the request line's target byte for byte (HttpClient refuses what is not
   * a valid URI) and returns the response's status code, or -1 when the server closed the
   * connection without one.
   */
  int rawGet(byte[] target) {
    return rawRequest(target, "Connection: close\r\n");
  }

  /**
   * Sends a GET of {@code target} with the given header lines (each ending in CRLF) and returns the
   * response's status code, or -1 when the server closed the connection without one; fails when no
   * answer comes within 10 s.
   */
  int rawRequest(byte[] target, String headers) {
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET ".getBytes(StandardCharsets.US_ASCII));
      out.write(target);
      out.write(
          (" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
      return status == null ? -1 : Integer.parseInt(status.split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SSLContext tls(KeyManagerFactory keys) {
    return TrustingAnyServer.context(keys == null ? null : keys.getKeyManagers());
  }
}
