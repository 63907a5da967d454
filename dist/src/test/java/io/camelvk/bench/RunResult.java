package io.camelvk.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run's figures: run {@code index} (from 1) of {@code mode} ("floor" or "vk"). Times are
 * seconds from the first create; {@code vk} is null for the floor.
 */
record RunResult(
    String mode, int index, int pods, ScenarioTimes times, KubeletUsage usage, VkFigures vk) {

  double allReadySeconds() {
    return times.allReadySeconds();
  }

  /** When each pod was seen Ready, in order. */
  List<Double> readyAt() {
    return times.pods().stream()
        .map(PodTimes::readySeconds)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  /** Create-to-Ready seconds, one per pod seen Ready. */
  List<Double> latencies() {
    return times.pods().stream().map(PodTimes::latencySeconds).filter(Objects::nonNull).toList();
  }

  double percentile(double p) {
    List<Double> sorted = latencies().stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** The figures that have a median; those this run does not have are absent. */
  Map<Figure, Double> figures() {
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    figures.put(Figure.ALL_READY, times.allReadySeconds());
    figures.put(Figure.PODS_PER_SECOND, pods / times.allReadySeconds());
    figures.put(Figure.P50, percentile(50));
    figures.put(Figure.P90, percentile(90));
    figures.put(Figure.P99, percentile(99));
    figures.put(Figure.MAX_LATENCY, percentile(100));
    figures.put(Figure.DELETE, times.deleteSeconds());
    figures.put(Figure.DELETES_PER_SECOND, pods / times.deleteSeconds());
    figures.put(Figure.CPU, usage.cpuSeconds());
    figures.put(Figure.CPU_PER_1000_PODS, usage.cpuSeconds() * 1000 / pods);
    figures.put(Figure.CPU_PER_POD, usage.cpuSeconds() * 1000 / pods);
    if (usage.apiServerCpuSeconds() != null) {
      figures.put(Figure.API_SERVER_CPU, usage.apiServerCpuSeconds());
    }
    figures.put(Figure.PEAK_RSS, (double) usage.peakRssMiB());
    if (vk != null) {
      figures.put(Figure.API_REQUESTS_PER_POD, vk.apiRequests().perPod(pods));
      figures.put(Figure.EVENT_REQUESTS_PER_POD, vk.apiRequests().eventsPerPod(pods));
      figures.put(Figure.TOKEN_REQUESTS_PER_POD, vk.apiRequests().tokensPerPod(pods));
      if (!vk.backendRequests().isEmpty()) {
        figures.put(Figure.BACKEND_REQUESTS_PER_POD, vk.backendRequestsPerPod(pods));
      }
      figures.put(Figure.START, vk.startSeconds());
      figures.put(Figure.START_TO_READYZ, vk.startToReadyzSeconds());
    }
    return figures;
  }

  /**
   * This run as report.json keeps it: mode, index, the figures, and the virtual kubelet's detail.
   */
  Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("mode", mode);
    report.put("index", index);
    figures().forEach((figure, value) -> report.put(figure.key(), value));
    if (vk != null) {
      report.put("apiRequests", vk.apiRequests().total());
      report.put("apiRequestsByVerb", vk.apiRequests().byVerb());
      report.put("threadCpuSeconds", vk.threadCpuSeconds());
      if (!vk.backendRequests().isEmpty()) {
        report.put("backendRequestsByPath", vk.backendRequests());
      }
    }
    return report;
  }
}
