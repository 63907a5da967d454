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
    metrics.apiRequest(verb(request), Integer.toString(response.code()));
  }

  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    metrics.apiRequest(verb(request), "connection-failure");
  }

  private static String verb(HttpRequest request) {
    boolean watch =
        request.uri().getQuery() != null && request.uri().getQuery().contains("watch=true");
    return watch ? "WATCH" : request.method();
  }
}
