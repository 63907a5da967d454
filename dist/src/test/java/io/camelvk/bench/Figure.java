package io.camelvk.bench;

import java.util.Locale;

/**
 * A run's figures that have a median: their names in report.json, and how the summary shows them.
 */
enum Figure {
  ALL_READY("allReadySeconds", "all Ready", "%.2f s"),
  PODS_PER_SECOND("podsPerSecondToAllReady", "pods/s to all Ready", "%.1f"),
  P50("p50LatencySeconds", "p50 create->Ready", "%.2f s"),
  P90("p90LatencySeconds", "p90 create->Ready", "%.2f s"),
  P99("p99LatencySeconds", "p99 create->Ready", "%.2f s"),
  MAX_LATENCY("maxLatencySeconds", "max create->Ready", "%.2f s"),
  DELETE("deleteSeconds", "delete to all gone", "%.2f s"),
  DELETES_PER_SECOND("deletesPerSecond", "deletes/s", "%.1f"),
  CPU("cpuSeconds", "kubelet CPU, whole cycle", "%.2f s"),
  CPU_PER_1000_PODS("cpuSecondsPer1000Pods", "  per 1,000 pods", "%.2f s"),
  CPU_PER_POD("cpuMsPerPod", "  per pod", "%.2f ms"),
  API_SERVER_CPU("apiServerCpuSeconds", "kube-apiserver CPU, same time", "%.2f s"),
  PEAK_RSS("peakRssMiB", "kubelet peak RSS", "%.0f MiB"),
  API_REQUESTS_PER_POD("apiRequestsPerPod", "API requests per pod", "%.2f"),
  EVENT_REQUESTS_PER_POD("eventRequestsPerPod", "  and for events", "%.2f"),
  TOKEN_REQUESTS_PER_POD("tokenRequestsPerPod", "  and for tokens", "%.2f"),
  BACKEND_REQUESTS_PER_POD("backendRequestsPerPod", "backend requests (messages) per pod", "%.2f"),
  START("startSeconds", "start to node Ready", "%.2f s"),
  START_TO_READYZ("startToReadyzSeconds", "start to /readyz 200", "%.2f s");

  private final String key;
  private final String label;
  private final String format;

  Figure(String key, String label, String format) {
    this.key = key;
    this.label = label;
    this.format = format;
  }

  /** The name in report.json. */
  String key() {
    return key;
  }

  String label() {
    return label;
  }

  /** The value with its unit, as the summary prints it. */
  String format(double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
