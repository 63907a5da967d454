package io.camelvk.api.stats;

import io.camelvk.provider.PodStats.ContainerUsage;
import java.time.Instant;
import java.util.List;

/**
 * CPU and memory of a container, a pod or the node at one instant.
 *
 * @param usageCoreNanoSeconds cumulative CPU time
 * @param usageNanoCores current CPU rate
 * @param workingSetBytes current working set; also the usage, which no provider reports apart
 */
public record CpuMemory(
    Instant time, long usageNanoCores, long usageCoreNanoSeconds, long workingSetBytes) {

  static CpuMemory of(ContainerUsage usage) {
    return new CpuMemory(
        usage.timestamp(),
        usage.cpuUsageNanoCores(),
        usage.cpuUsageCoreNanoSeconds(),
        usage.memoryWorkingSetBytes());
  }

  /** The sum of the parts, at the latest of their times, or at {@code fallback} without parts. */
  static CpuMemory sum(List<CpuMemory> parts, Instant fallback) {
    Instant time = parts.stream().map(CpuMemory::time).max(Instant::compareTo).orElse(fallback);
    return new CpuMemory(
        time,
        parts.stream().mapToLong(CpuMemory::usageNanoCores).sum(),
        parts.stream().mapToLong(CpuMemory::usageCoreNanoSeconds).sum(),
        parts.stream().mapToLong(CpuMemory::workingSetBytes).sum());
  }

  CpuMemory withCoreNanoSeconds(long total) {
    return new CpuMemory(time, usageNanoCores, total, workingSetBytes);
  }
}
