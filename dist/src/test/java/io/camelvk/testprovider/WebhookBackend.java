package io.camelvk.testprovider;

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
import java.util.concurrent.TimeUnit;

/**
 * The example provider's HTTP service, {@code docs/providers/examples/webhook/backend.py}, run with
 * python3 on a free loopback port.
 */
public final class WebhookBackend implements AutoCloseable {

  public static final String NAME = "webhook";
  public static final String URL_PROPERTY = "vk.provider.webhook.url";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final String url;

  private WebhookBackend(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  public static WebhookBackend start() {
    try {
      Process process =
          new ProcessBuilder(
                  "python3",
                  ProjectRoot.resolve("docs/providers/examples/webhook/backend.py").toString(),
                  "0")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String line =
          new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (line == null || !line.startsWith("listening on ")) {
        process.destroyForcibly();
        throw new IllegalStateException("backend.py did not start: " + line);
      }
      return new WebhookBackend(
          process, "http://127.0.0.1:" + line.substring("listening on ".length()).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start backend.py (python3 needed)", e);
    }
  }

  /** The service's base URL, for {@code vk.provider.webhook.url}. */
  public String url() {
    return url;
  }

  /** What {@code GET /pods} answers: the pods the service runs, as JSON. */
  public String pods() {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url + "/pods")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
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
