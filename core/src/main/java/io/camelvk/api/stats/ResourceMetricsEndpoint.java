package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /metrics/resource}, what metrics-server scrapes for {@code kubectl top}. Like the
 * kubelet's Prometheus handler it answers every method.
 */
public final class ResourceMetricsEndpoint implements KubeletEndpoint {

  static final String PATH = "/metrics/resource";

  private final Supplier<Optional<UsageCollector>> collector;
  private final List<String> providers;

  /**
   * @param collector empty while no provider of the node can report usage
   * @param providers the node's providers
   */
  public ResourceMetricsEndpoint(
      Supplier<Optional<UsageCollector>> collector, List<String> providers) {
    this.collector = collector;
    this.providers = providers;
  }

  @Override
  public boolean serves(String path) {
    return path.equals(PATH);
  }

  @Override
  public void serve(ApiRequest request) {
    if (collector.get().isEmpty()) {
      request.respondText(
          HttpResponseStatus.NOT_IMPLEMENTED, StatsSummaryEndpoint.cannotReport(providers));
      return;
    }
    request.respond(
        HttpResponseStatus.OK,
        ResourceMetricsText.CONTENT_TYPE,
        ResourceMetricsText.of(collector.get().get().collect()));
  }
}
