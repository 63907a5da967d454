package io.camelvk.metrics;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;

/** Counts every request our Kubernetes client makes, by verb and HTTP status (watches included). */
public final class ApiRequestCounter implements Interceptor {

  public static final String NAME = "vk-api-request-counter";

  private final KubeletMetrics metrics;

  public ApiRequestCounter(KubeletMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    metrics.apiRequest(verb(request), resource(request), Integer.toString(response.code()));
  }

  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    metrics.apiRequest(verb(request), resource(request), "connection-failure");
  }

  /**
   * The resource of the request's path, with its subresource ({@code pods/status}): {@code
   * /api/v1/namespaces/ns/pods/web/status}, {@code /apis/coordination.k8s.io/v1/.../leases/x}.
   */
  static String resource(HttpRequest request) {
    List<String> path = List.of(request.uri().getPath().replaceAll("^/+", "").split("/"));
    List<String> rest =
        path.subList(Math.min(path.size(), path.get(0).equals("api") ? 2 : 3), path.size());
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      return "other";
    }
    return rest.size() >= 3 ? rest.get(0) + "/" + rest.get(2) : rest.get(0);
  }

  private static String verb(HttpRequest request) {
    boolean watch =
        request.uri().getQuery() != null && request.uri().getQuery().contains("watch=true");
    return watch ? "WATCH" : request.method();
  }
}
