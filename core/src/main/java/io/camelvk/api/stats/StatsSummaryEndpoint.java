package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /stats/summary} on GET and POST, the stats/v1alpha1 {@code Summary}. The kubelet trims it
 * to CPU and memory for {@code only_cpu_and_memory=true}; a provider reports nothing else, so both
 * answers are the same here.
 */
public final class StatsSummaryEndpoint implements KubeletEndpoint {

  static final String PATH = "/stats/summary";

  private final Supplier<Optional<UsageCollector>> collector;
  private final List<String> providers;

  /**
   * @param collector empty while no provider of the node can report usage
   * @param providers the node's providers
   */
  public StatsSummaryEndpoint(
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
    if (!request.allows(HttpMethod.GET, HttpMethod.POST)) {
      return;
    }
    if (collector.get().isEmpty()) {
      request.respondText(HttpResponseStatus.NOT_IMPLEMENTED, cannotReport(providers));
      return;
    }
    request.respond(
        HttpResponseStatus.OK, "application/json", SummaryJson.of(collector.get().get().collect()));
  }

  static String cannotReport(List<String> providers) {
    return (providers.size() == 1 ? "provider " : "providers ")
        + String.join(", ", providers)
        + " cannot report resource usage (no PodStats)\n";
  }
}
