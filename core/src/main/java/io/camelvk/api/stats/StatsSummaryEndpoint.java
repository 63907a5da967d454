package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code /stats/summary} on GET and POST, the stats/v1alpha1 {@code Summary}. The kubelet trims it
 * to CPU and memory for {@code only_cpu_and_memory=true}; a provider reports nothing else, so both
 * answers are the same here.
 */
public final class StatsSummaryEndpoint implements KubeletEndpoint {

  static final String PATH = "/stats/summary";

  private final NodeUsage usage;

  public StatsSummaryEndpoint(NodeUsage usage) {
    this.usage = usage;
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
    usage
        .collectFor(request)
        .ifPresent(
            summary ->
                request.respond(
                    HttpResponseStatus.OK, "application/json", SummaryJson.of(summary)));
  }
}
