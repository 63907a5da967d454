package io.camelvk.providers.interlink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.providers.interlink.transport.HttpTransport;
import io.camelvk.providers.interlink.transport.InterlinkTransport;
import io.camelvk.providers.interlink.transport.Reply;
import io.camelvk.providers.interlink.transport.UnixSocketTransport;
import io.camelvk.test.PythonServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The fake interLink plugin, {@code docs/providers/examples/interlink/fake_plugin.py}, run with
 * python3 on a loopback port or a unix socket; its request counts and failure switch are reached
 * through the same transport the provider uses.
 */
public final class FakePlugin implements AutoCloseable {

  public static final String SCRIPT = "docs/providers/examples/interlink/fake_plugin.py";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final PythonServer server;
  private final String url;
  private final InterlinkTransport hooks;

  private FakePlugin(PythonServer server, String url, InterlinkTransport hooks) {
    this.server = server;
    this.url = url;
    this.hooks = hooks;
  }

  /**
   * On a loopback port (0: a free one), with the plugin's options ({@code --create-body array}).
   */
  public static FakePlugin onPort(int port, String... options) {
    PythonServer server = start(List.of("--port", Integer.toString(port)), options);
    String url = "http://127.0.0.1:" + server.port();
    return new FakePlugin(
        server,
        url,
        new HttpTransport(URI.create(url), Optional.empty(), PATIENCE, PATIENCE, Optional::empty));
  }

  /** On a unix socket, interLink's default transport. */
  public static FakePlugin onSocket(Path socket, String... options) {
    return new FakePlugin(
        start(List.of("--socket", socket.toString()), options),
        "unix://" + socket,
        new UnixSocketTransport(
            socket, PATIENCE, Optional::empty, Executors.newSingleThreadScheduledExecutor()));
  }

  private static PythonServer start(List<String> listen, String... options) {
    List<String> args = new ArrayList<>(listen);
    args.addAll(List.of(options));
    return PythonServer.start(SCRIPT, args);
  }

  /** For {@code vk.provider.interlink.url}. */
  public String url() {
    return url;
  }

  /** Requests served so far, by path ({@code /create}, {@code /status}, ...). */
  public Map<String, Integer> counts() {
    try (Reply reply = hooks.send("GET", "/_counts", new byte[0], true)) {
      return JSON.readValue(reply.bytes(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int count(String path) {
    return counts().getOrDefault(path, 0);
  }

  /** Every interLink call answers this status from now on (0: back to normal). */
  public void answerEverything(int status) {
    byte[] body = ("{\"status\": " + status + "}").getBytes(StandardCharsets.UTF_8);
    try (Reply reply = hooks.send("POST", "/_answer", body, true)) {
      reply.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What pings report as {@code "taints"} from now on: a JSON list, or {@code null} for none (the
   * node's then stay as they are).
   */
  public void reportTaints(String taints) {
    byte[] body = String.valueOf(taints).getBytes(StandardCharsets.UTF_8);
    try (Reply reply = hooks.send("POST", "/_taints", body, true)) {
      reply.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    hooks.close();
    server.close();
  }
}
