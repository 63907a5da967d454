package io.camelvk.providers.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of moto that changes DescribeTasks' answers as a test needs what moto
 * cannot do (docs/providers/aws-moto.md, finding 6): it gives the containers of chosen tasks an
 * exit code (moto reports 0 for every container for ever), reports chosen containers ended (moto
 * leaves every container PENDING), and leaves chosen tasks out, as ECS does tasks it no longer
 * knows. Everything else passes unchanged.
 */
final class DescribeTasksProxy implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DESCRIBE_TASKS = "AmazonEC2ContainerServiceV20141113.DescribeTasks";
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "expect", "upgrade");

  private final URI target;
  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, Integer> exitCodes = new ConcurrentHashMap<>();
  private final Set<String> hidden = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> exited = new ConcurrentHashMap<>();

  private DescribeTasksProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::forward);
    server.start();
  }

  static DescribeTasksProxy to(URI target) {
    try {
      return new DescribeTasksProxy(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on DescribeTasks leaves the task out, as ECS does a task it no longer knows. */
  void hide(String taskArn) {
    hidden.add(taskArn);
  }

  /** From now on the task's containers have this exit code. */
  void exitCode(String taskArn, int code) {
    exitCodes.put(taskArn, code);
  }

  /** From now on that container of the task has stopped with this exit code. */
  void containerExited(String taskArn, String container, int code) {
    exited.put(taskArn + " " + container, code);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .method(
                  exchange.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(v -> request.header(name, v));
                }
              });
      HttpResponse<byte[]> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = answer.body();
      if (DESCRIBE_TASKS.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
          && answer.statusCode() == 200) {
        body = withExitCodes(body);
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private byte[] withExitCodes(byte[] body) throws IOException {
    JsonNode answer = JSON.readTree(body);
    Iterator<JsonNode> tasks = answer.path("tasks").iterator();
    while (tasks.hasNext()) {
      if (hidden.contains(tasks.next().path("taskArn").asText())) {
        tasks.remove();
      }
    }
    for (JsonNode task : answer.path("tasks")) {
      Integer code = exitCodes.get(task.path("taskArn").asText());
      if (code != null) {
        task.path("containers").forEach(c -> ((ObjectNode) c).put("exitCode", code));
      }
      for (JsonNode container : task.path("containers")) {
        Integer own =
            exited.get(task.path("taskArn").asText() + " " + container.path("name").asText());
        if (own != null) {
          ((ObjectNode) container).put("lastStatus", "STOPPED").put("exitCode", own);
        }
      }
    }
    return JSON.writeValueAsBytes(answer);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
