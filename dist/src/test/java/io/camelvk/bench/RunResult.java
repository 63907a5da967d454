package io.camelvk.bench;

import java.util.List;

/**
 * One run's figures. Times are seconds from the first create; latencies are create-to-Ready in
 * seconds, one per pod.
 */
record RunResult(
    String mode,
    int pods,
    double allReadySeconds,
    double deleteSeconds,
    List<Double> readyAt,
    List<Double> latencies,
    Long apiRequests,
    Long apiWatches,
    java.util.Map<String, Long> apiRequestsByVerb,
    Long peakRssMiB,
    Double cpuSeconds) {

  double podsPerSecond() {
    return pods / allReadySeconds;
  }

  double deletesPerSecond() {
    return pods / deleteSeconds;
  }

  double percentile(double p) {
    List<Double> sorted = latencies.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
