package io.camelvk.providers.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.ProjectRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The web provider's reference backend, {@code examples/web/backend.py}, run with python3 on a
 * loopback port: for the contract suite, the integration tests and the benchmark.
 */
public final class WebBackend implements AutoCloseable {

  public static final String NAME = "web";
  public static final String URL_PROPERTY = "vk.provider.web.url";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final String scheme;

  private WebBackend(Process process, int port, String scheme) {
    this.process = process;
    this.port = port;
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
    try {
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  "python3",
                  ProjectRoot.resolve("examples/web/backend.py").toString(),
                  Integer.toString(port)));
      command.addAll(options);
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String line =
          new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (line == null || !line.startsWith("listening on ")) {
        process.destroyForcibly();
        throw new IllegalStateException("backend.py did not start: " + line);
      }
      return new WebBackend(
          process,
          Integer.parseInt(line.substring("listening on ".length()).strip()),
          options.contains("--tls-cert") ? "https" : "http");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start backend.py (python3 needed)", e);
    }
  }

  /** The backend's base URL, for {@code vk.provider.web.url} or {@code WEB_ENDPOINT_URL}. */
  public String url() {
    return scheme + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** What {@code GET /getPods} answers. */
  public String pods() {
    return LoopbackHttp.get(port, "/getPods").body();
  }

  /** The requests the backend has had, by path. */
  public Map<String, Integer> requests() {
    try {
      JsonNode stats = JSON.readTree(LoopbackHttp.get(port, "/stats").body());
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
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
