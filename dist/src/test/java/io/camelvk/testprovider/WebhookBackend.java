package io.camelvk.testprovider;

import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.ProjectRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The example provider's HTTP service, {@code docs/providers/examples/webhook/backend.py}, run with
 * python3 on a free loopback port.
 */
public final class WebhookBackend implements AutoCloseable {

  public static final String NAME = "webhook";
  public static final String URL_PROPERTY = "vk.provider.webhook.url";

  private final Process process;
  private final int port;

  private WebhookBackend(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static WebhookBackend start() {
    return start(0);
  }

  /** On this port (0: a free one), for a service stopped and started again. */
  public static WebhookBackend start(int port) {
    try {
      Process process =
          new ProcessBuilder(
                  "python3",
                  ProjectRoot.resolve("docs/providers/examples/webhook/backend.py").toString(),
                  Integer.toString(port))
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
          process, Integer.parseInt(line.substring("listening on ".length()).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start backend.py (python3 needed)", e);
    }
  }

  /** The service's base URL, for {@code vk.provider.webhook.url}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** What {@code GET /pods} answers: the pods the service runs, as JSON. */
  public String pods() {
    return LoopbackHttp.get(port, "/pods").body();
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
