package io.camelvk.providers.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.PythonServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web provider's reference backend, {@code examples/web/backend.py}, run with python3 on a
 * loopback port: for the contract suite, the integration tests and the benchmark.
 */
public final class WebBackend implements AutoCloseable {

  public static final String NAME = "web";
  public static final String URL_PROPERTY = "vk.provider.web.url";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PythonServer server;
  private final String scheme;

  private WebBackend(PythonServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
  }

  public static WebBackend start() {
    return start(0, List.of());
  }

  /**
   * On this port (0: a free one; the same again for a backend that went down and comes back), with
   * backend.py's options ({@code --pods 2000}).
   */
  public static WebBackend start(int port, List<String> options) {
    List<String> args = new ArrayList<>(List.of(Integer.toString(port)));
    args.addAll(options);
    return new WebBackend(
        PythonServer.start("examples/web/backend.py", args),
        options.contains("--tls-cert") ? "https" : "http");
  }

  /** The backend's base URL, for {@code vk.provider.web.url} or {@code WEB_ENDPOINT_URL}. */
  public String url() {
    return scheme + "://127.0.0.1:" + port();
  }

  public int port() {
    return server.port();
  }

  /** What {@code GET /getPods} answers. */
  public String pods() {
    return LoopbackHttp.get(port(), "/getPods").body();
  }

  /** The requests the backend has had, by path. */
  public Map<String, Integer> requests() {
    try {
      JsonNode stats = JSON.readTree(LoopbackHttp.get(port(), "/stats").body());
      Map<String, Integer> counts = new TreeMap<>();
      stats.get("requests").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From now on every contract call is answered with this status; 0 answers them again. */
  public void failWith(int status) {
    post("/fail?status=" + status, "");
  }

  /** Adds a line to a container's log. */
  public void log(String namespace, String pod, String container, String line) {
    post("/log?namespace=" + namespace + "&podName=" + pod + "&containerName=" + container, line);
  }

  private void post(String path, String body) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      client.send(
          HttpRequest.newBuilder(URI.create(url() + path))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
