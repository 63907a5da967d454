package io.camelvk.providers.mock.pod;

import io.camelvk.provider.PodStats.ContainerUsage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Resource usage that advances with time: a running container uses its CPU request (default {@link
 * #DEFAULT_CPU_MILLICORES}m) all the time and its memory request (default {@link
 * #DEFAULT_MEMORY_BYTES} bytes).
 */
public final class ResourceUsage {

  static final long DEFAULT_CPU_MILLICORES = 10;
  static final long DEFAULT_MEMORY_BYTES = 16L * 1024 * 1024;
  private static final long NANOS_PER_MILLICORE = 1_000_000;

  private ResourceUsage() {}

  /**
   * The usage of each of the pod's containers, sampled at whole milliseconds, as the samples'
   * Prometheus timestamps carry them: a rate computed from two scrapes is then exact.
   */
  public static List<ContainerUsage> of(SimulatedPod pod, Instant at) {
    Instant now = at.truncatedTo(ChronoUnit.MILLIS);
    return pod.pod().getSpec().getContainers().stream()
        .map(c -> of(c, pod.timeline(c.getName()), now))
        .toList();
  }

  static ContainerUsage of(Container container, ContainerTimeline timeline, Instant now) {
    long millicores = request(container, "cpu", DEFAULT_CPU_MILLICORES, 1000);
    long memory = request(container, "memory", DEFAULT_MEMORY_BYTES, 1);
    long runningNanos =
        timeline.startedBy(now).map(start -> Duration.between(start, now).toNanos()).orElse(0L);
    long cpuNanoSeconds = runningNanos / 1000 * millicores;
    boolean running = timeline.at(now).state().getRunning() != null;
    return new ContainerUsage(
        container.getName(),
        now,
        cpuNanoSeconds,
        running ? millicores * NANOS_PER_MILLICORE : 0,
        running ? memory : 0);
  }

  private static long request(Container container, String resource, long fallback, long scale) {
    if (container.getResources() == null || container.getResources().getRequests() == null) {
      return fallback;
    }
    Quantity quantity = container.getResources().getRequests().get(resource);
    if (quantity == null) {
      return fallback;
    }
    BigDecimal amount = Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(scale));
    return amount.longValue();
  }
}
