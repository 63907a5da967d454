package io.camelvk.api.stats;

import io.camelvk.api.ApiRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The usage of the node's pods for the two endpoints that report it, or, while no provider of the
 * node can report usage, the kubelet API's 501 naming them.
 */
public final class NodeUsage {

  private final Supplier<Optional<UsageCollector>> collector;
  private final List<String> providers;

  /**
   * @param collector empty while no provider of the node can report usage
   * @param providers the node's providers
   */
  public NodeUsage(Supplier<Optional<UsageCollector>> collector, List<String> providers) {
    this.collector = collector;
    this.providers = providers;
  }

  /** The usage now; empty when none can be reported, the request then answered with 501. */
  Optional<UsageSummary> collectFor(ApiRequest request) {
    Optional<UsageCollector> reporting = collector.get();
    if (reporting.isEmpty()) {
      request.respondText(
          HttpResponseStatus.NOT_IMPLEMENTED,
          (providers.size() == 1 ? "provider " : "providers ")
              + String.join(", ", providers)
              + " cannot report resource usage (no PodStats)\n");
    }
    return reporting.map(UsageCollector::collect);
  }
}
