package io.camelvk.api.stats;

import io.camelvk.api.stats.PrometheusFamily.Sample;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /metrics/resource} as the kubelet's resource metrics collector writes it ({@code
 * pkg/kubelet/metrics/collectors/resource_metrics.go}): the STABLE node, container and pod CPU and
 * memory metrics with the stats' time as sample timestamp, container start times without one, and
 * {@code resource_scrape_error}. Families without samples are left out, as client_golang does.
 */
final class ResourceMetricsText {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final double NANOS_PER_SECOND = 1e9;
  private static final String COUNTER = "counter";
  private static final String GAUGE = "gauge";

  private final PrometheusFamily nodeCpu =
      stable(
          "node_cpu_usage_seconds_total",
          "Cumulative cpu time consumed by the node in core-seconds",
          COUNTER);
  private final PrometheusFamily nodeMemory =
      stable("node_memory_working_set_bytes", "Current working set of the node in bytes", GAUGE);
  private final PrometheusFamily containerCpu =
      stable(
          "container_cpu_usage_seconds_total",
          "Cumulative cpu time consumed by the container in core-seconds",
          COUNTER);
  private final PrometheusFamily containerMemory =
      stable(
          "container_memory_working_set_bytes",
          "Current working set of the container in bytes",
          GAUGE);
  private final PrometheusFamily containerStart =
      stable(
          "container_start_time_seconds",
          "Start time of the container since unix epoch in seconds",
          GAUGE);
  private final PrometheusFamily podCpu =
      stable(
          "pod_cpu_usage_seconds_total",
          "Cumulative cpu time consumed by the pod in core-seconds",
          COUNTER);
  private final PrometheusFamily podMemory =
      stable("pod_memory_working_set_bytes", "Current working set of the pod in bytes", GAUGE);
  private final PrometheusFamily scrapeError =
      stable(
          "resource_scrape_error",
          "1 if there was an error while getting container metrics, 0 otherwise",
          GAUGE);

  private ResourceMetricsText() {}

  static String of(UsageSummary summary) {
    ResourceMetricsText metrics = new ResourceMetricsText();
    metrics.nodeCpu.add(cpu(Map.of(), summary.node().usage()));
    metrics.nodeMemory.add(memory(Map.of(), summary.node().usage()));
    summary.pods().forEach(metrics::addPod);
    metrics.scrapeError.add(untimed(Map.of(), summary.failedPods() > 0 ? 1 : 0));
    return metrics.text();
  }

  private void addPod(PodSample pod) {
    for (ContainerSample container : pod.containers()) {
      Map<String, String> labels =
          Map.of("container", container.name(), "pod", pod.name(), "namespace", pod.namespace());
      container
          .startTime()
          .filter(start -> start.getEpochSecond() > 0)
          .ifPresent(start -> containerStart.add(untimed(labels, seconds(start))));
      containerCpu.add(cpu(labels, container.usage()));
      containerMemory.add(memory(labels, container.usage()));
    }
    Map<String, String> labels = Map.of("pod", pod.name(), "namespace", pod.namespace());
    podCpu.add(cpu(labels, pod.usage()));
    podMemory.add(memory(labels, pod.usage()));
  }

  private String text() {
    StringBuilder text = new StringBuilder();
    List.of(
            nodeCpu,
            nodeMemory,
            containerCpu,
            containerMemory,
            containerStart,
            podCpu,
            podMemory,
            scrapeError)
        .stream()
        .filter(f -> !f.isEmpty())
        .sorted(Comparator.comparing(PrometheusFamily::name))
        .forEach(f -> f.writeTo(text));
    return text.toString();
  }

  /** The kubelet's help texts carry the metric's stability level. */
  private static PrometheusFamily stable(String name, String help, String type) {
    return new PrometheusFamily(name, "[STABLE] " + help, type);
  }

  private static Sample cpu(Map<String, String> labels, CpuMemory usage) {
    return new Sample(
        labels,
        usage.usageCoreNanoSeconds() / NANOS_PER_SECOND,
        OptionalLong.of(usage.time().toEpochMilli()));
  }

  private static Sample memory(Map<String, String> labels, CpuMemory usage) {
    return new Sample(
        labels, usage.workingSetBytes(), OptionalLong.of(usage.time().toEpochMilli()));
  }

  private static Sample untimed(Map<String, String> labels, double value) {
    return new Sample(labels, value, OptionalLong.empty());
  }

  private static double seconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / NANOS_PER_SECOND;
  }
}
