package io.camelvk.providers.interlink.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Requests over TCP, plain or TLS (a custom CA, a client certificate for mTLS), with the JDK's
 * client.
 */
public final class HttpTransport implements InterlinkTransport {

  private final URI base;
  private final HttpClient client;
  private final Duration readTimeout;
  private final Supplier<Optional<String>> authorization;

  /**
   * @param base {@code http://host:port} or {@code https://host:port}, with a path prefix if any
   * @param authorization the {@code Authorization} header, asked again for every request (a token
   *     file is read each time)
   */
  public HttpTransport(
      URI base,
      Optional<SSLContext> tls,
      Duration connectTimeout,
      Duration readTimeout,
      Supplier<Optional<String>> authorization) {
    this.base = base;
    this.readTimeout = readTimeout;
    this.authorization = authorization;
    HttpClient.Builder builder =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout);
    tls.ifPresent(builder::sslContext);
    this.client = builder.build();
  }

  @Override
  public Reply send(String method, String path, byte[] json, boolean withReadTimeout)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stripSlash(base.toString()) + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
    if (withReadTimeout) {
      request.timeout(readTimeout);
    }
    authorization.get().ifPresent(value -> request.header("Authorization", value));
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new Reply(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + describe() + path, e);
    }
  }

  @Override
  public String describe() {
    return base.getScheme() + "://" + base.getAuthority();
  }

  @Override
  public void close() {
    client.close();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
