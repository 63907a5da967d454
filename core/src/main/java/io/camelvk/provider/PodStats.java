package io.camelvk.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A provider that can report resource usage, for {@code kubectl top} and the summary API. */
public interface PodStats {

  /** Usage of each container of the pod, or empty when the pod is unknown. */
  Optional<List<ContainerUsage>> podUsage(String namespace, String pod);

  /**
   * One container's usage at a point in time.
   *
   * @param cpuUsageCoreNanoSeconds cumulative CPU time, which only grows
   * @param cpuUsageNanoCores current CPU rate
   * @param memoryWorkingSetBytes current working set
   */
  record ContainerUsage(
      String container,
      Instant timestamp,
      long cpuUsageCoreNanoSeconds,
      long cpuUsageNanoCores,
      long memoryWorkingSetBytes) {}
}
