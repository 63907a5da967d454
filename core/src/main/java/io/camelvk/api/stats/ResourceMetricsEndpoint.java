package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code /metrics/resource}, what metrics-server scrapes for {@code kubectl top}. Like the
 * kubelet's Prometheus handler it answers every method.
 */
public final class ResourceMetricsEndpoint implements KubeletEndpoint {

  static final String PATH = "/metrics/resource";

  private final NodeUsage usage;

  public ResourceMetricsEndpoint(NodeUsage usage) {
    this.usage = usage;
  }

  @Override
  public boolean serves(String path) {
    return path.equals(PATH);
  }

  @Override
  public void serve(ApiRequest request) {
    usage
        .collectFor(request)
        .ifPresent(
            summary ->
                request.respond(
                    HttpResponseStatus.OK,
                    ResourceMetricsText.CONTENT_TYPE,
                    ResourceMetricsText.of(summary)));
  }
}
