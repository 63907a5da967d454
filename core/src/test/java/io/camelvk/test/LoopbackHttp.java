package io.camelvk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP GET on a loopback port: a kubelet's metrics port, a test backend. */
public final class LoopbackHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoopbackHttp() {}

  /** GET {@code http://127.0.0.1:<port><path>}, the body as text. */
  public static HttpResponse<String> get(int port, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
