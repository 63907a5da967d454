package io.camelvk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP GET on a loopback port: a kubelet's metrics port, a test backend. HTTP/1.1, as
 * Prometheus scrapes: the JDK client's default, an h2c upgrade, can hang for good against the
 * metrics port's Vert.x server (several clients at once stall within seconds, while curl, with or
 * without h2c, is answered), which once failed MetricsIT.
 */
public final class LoopbackHttp {

  /** Longer than any answer of a metrics port takes; shorter than a test's wait. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient HTTP = client();

  private LoopbackHttp() {}

  /** GET {@code http://127.0.0.1:<port><path>}, the body as text. */
  public static HttpResponse<String> get(int port, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(TIMEOUT)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP/1.1 client, for the callers that build their own requests. */
  public static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }
}
