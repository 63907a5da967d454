package io.camelvk.testprovider;

import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.PythonServer;
import java.util.List;

/**
 * The example provider's HTTP service, {@code docs/providers/examples/webhook/backend.py}, run with
 * python3 on a free loopback port.
 */
public final class WebhookBackend implements AutoCloseable {

  public static final String NAME = "webhook";
  public static final String URL_PROPERTY = "vk.provider.webhook.url";

  private final PythonServer server;

  private WebhookBackend(PythonServer server) {
    this.server = server;
  }

  public static WebhookBackend start() {
    return start(0);
  }

  /** On this port (0: a free one), for a service stopped and started again. */
  public static WebhookBackend start(int port) {
    return new WebhookBackend(
        PythonServer.start(
            "docs/providers/examples/webhook/backend.py", List.of(Integer.toString(port))));
  }

  /** The service's base URL, for {@code vk.provider.webhook.url}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.port();
  }

  /** What {@code GET /pods} answers: the pods the service runs, as JSON. */
  public String pods() {
    return LoopbackHttp.get(port(), "/pods").body();
  }

  @Override
  public void close() {
    server.close();
  }
}
