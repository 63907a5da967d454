package io.camelvk.api.stats;

import java.util.List;

/**
 * The node and its pods at one scrape.
 *
 * @param failedPods pods whose usage the provider failed to give; left out of {@code pods}
 */
public record UsageSummary(NodeSample node, List<PodSample> pods, int failedPods) {

  public UsageSummary {
    pods = List.copyOf(pods);
  }
}
