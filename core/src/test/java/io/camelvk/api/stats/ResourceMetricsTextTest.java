package io.camelvk.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.api.stats.PrometheusFamily.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResourceMetricsTextTest {

  private static final Instant T = Instant.parse("2026-11-25T09:00:00.123Z");
  private static final Instant STARTED = Instant.parse("2026-11-25T08:00:00.5Z");

  @Test
  void writesTheKubeletsFamiliesSortedWithTimestampsFromTheStats() {
    var web =
        PodSample.of(
            "shop",
            "web",
            "uid-web",
            Optional.of(STARTED),
            List.of(
                new ContainerSample(
                    "sidecar", Optional.empty(), new CpuMemory(T, 0, 2_000_000_000L, 1024)),
                new ContainerSample(
                    "app",
                    Optional.of(STARTED),
                    new CpuMemory(T, 250_000_000, 900_000_000_000L, 64L * 1024 * 1024))));
    var node =
        new NodeSample(
            "vk-a",
            STARTED,
            new CpuMemory(T, 250_000_000, 902_000_000_000L, 64L * 1024 * 1024 + 1024),
            OptionalLong.empty());

    String text = ResourceMetricsText.of(new UsageSummary(node, List.of(web), 0));

    assertThat(text)
        .isEqualTo(
            """
            # HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the container in core-seconds
            # TYPE container_cpu_usage_seconds_total counter
            container_cpu_usage_seconds_total{container="app",namespace="shop",pod="web"} 900 1795597200123
            container_cpu_usage_seconds_total{container="sidecar",namespace="shop",pod="web"} 2 1795597200123
            # HELP container_memory_working_set_bytes [STABLE] Current working set of the container in bytes
            # TYPE container_memory_working_set_bytes gauge
            container_memory_working_set_bytes{container="app",namespace="shop",pod="web"} 6.7108864e+07 1795597200123
            container_memory_working_set_bytes{container="sidecar",namespace="shop",pod="web"} 1024 1795597200123
            # HELP container_start_time_seconds [STABLE] Start time of the container since unix epoch in seconds
            # TYPE container_start_time_seconds gauge
            container_start_time_seconds{container="app",namespace="shop",pod="web"} 1.7955936005e+09
            # HELP node_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the node in core-seconds
            # TYPE node_cpu_usage_seconds_total counter
            node_cpu_usage_seconds_total 902 1795597200123
            # HELP node_memory_working_set_bytes [STABLE] Current working set of the node in bytes
            # TYPE node_memory_working_set_bytes gauge
            node_memory_working_set_bytes 6.7109888e+07 1795597200123
            # HELP pod_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the pod in core-seconds
            # TYPE pod_cpu_usage_seconds_total counter
            pod_cpu_usage_seconds_total{namespace="shop",pod="web"} 902 1795597200123
            # HELP pod_memory_working_set_bytes [STABLE] Current working set of the pod in bytes
            # TYPE pod_memory_working_set_bytes gauge
            pod_memory_working_set_bytes{namespace="shop",pod="web"} 6.7109888e+07 1795597200123
            # HELP resource_scrape_error [STABLE] 1 if there was an error while getting container metrics, 0 otherwise
            # TYPE resource_scrape_error gauge
            resource_scrape_error 0
            """);
  }

  @Test
  void leavesOutEmptyFamiliesAndReportsAFailedPodAsAScrapeError() {
    var node =
        new NodeSample("vk-a", STARTED, new CpuMemory(T, 0, 0, 0), OptionalLong.of(1L << 30));

    String text = ResourceMetricsText.of(new UsageSummary(node, List.of(), 1));

    assertThat(text)
        .doesNotContain("container_", "pod_")
        .contains("node_cpu_usage_seconds_total 0 1795597200123\n")
        .endsWith("resource_scrape_error 1\n");
  }

  @Test
  void escapesBackslashQuoteAndNewlineInLabelValues() {
    var family = new PrometheusFamily("m", "help with \\ and\nnewline", "gauge");
    family.add(new Sample(Map.of("pod", "a\"b\\c\nd"), 1, OptionalLong.empty()));
    StringBuilder text = new StringBuilder();

    family.writeTo(text);

    assertThat(text.toString())
        .isEqualTo(
            """
            # HELP m help with \\\\ and\\nnewline
            # TYPE m gauge
            m{pod="a\\"b\\\\c\\nd"} 1
            """);
  }
}
