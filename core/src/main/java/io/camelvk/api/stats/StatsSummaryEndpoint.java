package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;

/**
 * {@code /stats/summary} on GET and POST, the stats/v1alpha1 {@code Summary}. The kubelet trims it
 * to CPU and memory for {@code only_cpu_and_memory=true}; a provider reports nothing else, so both
 * answers are the same here.
 */
public final class StatsSummaryEndpoint implements KubeletEndpoint {

  static final String PATH = "/stats/summary";

  private final Optional<UsageCollector> collector;
  private final String providerName;

  /**
   * @param collector empty when the provider cannot report usage
   */
  public StatsSummaryEndpoint(Optional<UsageCollector> collector, String providerName) {
    this.collector = collector;
    this.providerName = providerName;
  }

  @Override
  public boolean serves(String path) {
    return path.equals(PATH);
  }

  @Override
  public void serve(ApiRequest request) {
    if (!request.allows(HttpMethod.GET, HttpMethod.POST)) {
      return;
    }
    if (collector.isEmpty()) {
      request.respondText(HttpResponseStatus.NOT_IMPLEMENTED, cannotReport(providerName));
      return;
    }
    request.respond(
        HttpResponseStatus.OK, "application/json", SummaryJson.of(collector.get().collect()));
  }

  static String cannotReport(String providerName) {
    return "provider " + providerName + " cannot report resource usage (no PodStats)\n";
  }
}
