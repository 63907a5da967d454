package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;

/**
 * {@code /metrics/resource}, what metrics-server scrapes for {@code kubectl top}. Like the
 * kubelet's Prometheus handler it answers every method.
 */
public final class ResourceMetricsEndpoint implements KubeletEndpoint {

  static final String PATH = "/metrics/resource";

  private final Optional<UsageCollector> collector;
  private final String providerName;

  /**
   * @param collector empty when the provider cannot report usage
   */
  public ResourceMetricsEndpoint(Optional<UsageCollector> collector, String providerName) {
    this.collector = collector;
    this.providerName = providerName;
  }

  @Override
  public boolean serves(String path) {
    return path.equals(PATH);
  }

  @Override
  public void serve(ApiRequest request) {
    if (collector.isEmpty()) {
      request.respondText(
          HttpResponseStatus.NOT_IMPLEMENTED, StatsSummaryEndpoint.cannotReport(providerName));
      return;
    }
    request.respond(
        HttpResponseStatus.OK,
        ResourceMetricsText.CONTENT_TYPE,
        ResourceMetricsText.of(collector.get().collect()));
  }
}
