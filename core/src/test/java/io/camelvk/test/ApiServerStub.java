package io.camelvk.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A few scripted answers of an API server on loopback, for unit tests of classes that send single
 * requests (a Lease, a status patch): each request is recorded, and answered with the replies
 * scripted for its method and path in turn (the last one again and again), or 404. Not a fake API
 * server: behaviour is tested against the real one.
 */
public final class ApiServerStub implements AutoCloseable {

  /** One request as it came. */
  public record Request(String method, String path, String body) {}

  /** One answer; {@code body} null sends the request's own body back. */
  public record Reply(int code, String body) {

    public static Reply json(int code, Object body) {
      return new Reply(code, Serialization.asJson(body));
    }

    /** A Kubernetes Status, as the API server answers an error. */
    public static Reply status(int code, String reason) {
      return json(
          code,
          Map.of(
              "kind", "Status",
              "apiVersion", "v1",
              "status", "Failure",
              "reason", reason,
              "code", code));
    }

    /** The request's body back, as the API server answers a create or an update. */
    public static Reply echo(int code) {
      return new Reply(code, null);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private KubernetesClient client;

  private ApiServerStub(HttpServer server) {
    this.server = server;
    server.createContext("/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  public static ApiServerStub start() {
    try {
      return new ApiServerStub(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code method path} with these replies in turn, the last one from then on. */
  public ApiServerStub answer(String method, String path, Reply... replies) {
    script.put(method + " " + path, new ArrayDeque<>(Arrays.asList(replies)));
    return this;
  }

  /** A client of this stub that never retries, so that each call is one request. */
  public synchronized KubernetesClient client() {
    if (client == null) {
      Config config =
          new ConfigBuilder(Config.empty())
              .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .withRequestRetryBackoffLimit(0)
              .withConnectionTimeout(5_000)
              .withRequestTimeout(5_000)
              .build();
      client = new KubernetesClientBuilder().withConfig(config).build();
    }
    return client;
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests so far with this method and path. */
  public List<Request> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
      requests.add(request);
      Reply reply = next(request.method() + " " + request.path());
      byte[] answer = (reply.body() == null ? body : reply.body()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.code(), answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private Reply next(String key) {
    Deque<Reply> replies = script.get(key);
    if (replies == null || replies.isEmpty()) {
      return Reply.status(404, "NotFound");
    }
    synchronized (replies) {
      return replies.size() > 1 ? replies.removeFirst() : replies.getFirst();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (client != null) {
        client.close();
      }
    }
    server.stop(0);
    threads.shutdownNow();
  }
}
