package io.camelvk.metrics;

import io.camelvk.api.stream.StreamRequest;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodWorkQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The virtual kubelet's Prometheus metrics: work-queue depth and wait, sync duration per operation,
 * provider call latency and errors, provider mapping reloads, API requests by verb and result, pods
 * by phase; and Camel's route metrics, in the same registry.
 */
public final class KubeletMetrics {

  public static final List<String> PHASES =
      List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public void observe(PodWorkQueue queue, ClusterCache cache) {
    Gauge.builder("vk_workqueue_depth", queue, PodWorkQueue::depth)
        .description("Pod keys waiting for a worker")
        .register(registry);
    for (String phase : PHASES) {
      Gauge.builder(
              "vk_pods",
              cache,
              c ->
                  c.pods().stream()
                      .filter(
                          p ->
                              phase.equals(
                                  p.getStatus() == null || p.getStatus().getPhase() == null
                                      ? "Pending"
                                      : p.getStatus().getPhase()))
                      .count())
          .tag("phase", phase)
          .description("Pods bound to this node, by phase")
          .register(registry);
    }
  }

  /** An exec, attach or port-forward session the kubelet API opened. */
  public void streamOpened(StreamRequest.Kind kind, String transport, String protocol) {
    Counter.builder("vk_kubelet_api_streams")
        .description("exec, attach and port-forward sessions, by transport and protocol")
        .tag("kind", kind.prefix().replace("/", ""))
        .tag("transport", transport)
        .tag("protocol", protocol)
        .register(registry)
        .increment();
  }

  public void queueWait(Duration waited) {
    Timer.builder("vk_workqueue_wait")
        .description("Time a pod key waited for a worker")
        .register(registry)
        .record(waited);
  }

  public void sync(String operation, boolean failed, Duration took) {
    Timer.builder("vk_pod_sync")
        .description("Duration of one pod sync")
        .tag("operation", operation)
        .tag("outcome", failed ? "error" : "ok")
        .register(registry)
        .record(took);
  }

  public void providerCall(String provider, String method, String outcome, Duration took) {
    Timer.builder("vk_provider_call")
        .description("Duration of provider calls")
        .tag("provider", provider)
        .tag("method", method)
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }

  /** A changed provider mapping file was put in force ({@code applied}) or refused. */
  public void mappingReload(String outcome) {
    Counter.builder("vk_provider_mapping_reloads")
        .description("Changes of the provider mapping file, applied or refused")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** Where Camel's route metrics go, so that /metrics shows them beside ours. */
  public MeterRegistry registry() {
    return registry;
  }

  public void apiRequest(String verb, String resource, String code) {
    Counter.builder("vk_api_requests")
        .description("Requests made to the Kubernetes API server")
        .tag("verb", verb)
        .tag("resource", resource)
        .tag("code", code)
        .register(registry)
        .increment();
  }

  /** What became of each event recorded on a pod (written, counted, spam, dropped, failed). */
  public void event(String outcome) {
    Counter.builder("vk_events")
        .description("Events recorded on pods, by what became of them")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
