package io.camelvk.bench;

import java.util.Map;

/**
 * The figures only the virtual kubelet has: its API requests over the cycle (its own /metrics), the
 * seconds from starting its process to its node Ready and to /readyz 200, and its CPU seconds by
 * thread group over its whole life, for profiling; with the web provider, the requests its
 * reference backend had over the cycle, by path (empty otherwise).
 */
record VkFigures(
    ApiRequests apiRequests,
    double startSeconds,
    double startToReadyzSeconds,
    Map<String, Double> threadCpuSeconds,
    Map<String, Integer> backendRequests) {

  VkFigures(
      ApiRequests apiRequests,
      double startSeconds,
      double startToReadyzSeconds,
      Map<String, Double> threadCpuSeconds) {
    this(apiRequests, startSeconds, startToReadyzSeconds, threadCpuSeconds, Map.of());
  }

  /** The backend's requests over the cycle per pod; NaN without a backend. */
  double backendRequestsPerPod(int pods) {
    return backendRequests.values().stream().mapToInt(Integer::intValue).sum() / (double) pods;
  }
}
