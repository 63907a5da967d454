package io.camelvk.providers.aws.task;

import io.camelvk.provider.PodRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid Fargate task size: CPU units (1,024 per vCPU) and memory in MiB, from the table "Task CPU
 * and memory" of the ECS developer guide.
 */
public record FargateSize(int cpuUnits, int memoryMiB) {

  static final int UNITS_PER_VCPU = 1024;

  /** Every valid size, smallest first: by CPU, then by memory. */
  static final List<FargateSize> ALL = table();

  /** The smallest size, for a pod that asks for nothing. */
  public static final FargateSize SMALLEST = ALL.getFirst();

  private static final FargateSize LARGEST = ALL.getLast();

  /**
   * The smallest size that holds what the pod needs: the smallest CPU that does, with the smallest
   * memory of that CPU that does (a larger CPU never allows less memory, nor finer steps).
   *
   * @throws PodRefusedException when the largest Fargate task cannot hold it
   */
  public static FargateSize holding(PodNeeds needs) {
    long units = cpuUnits(needs.cpuMillis());
    return ALL.stream()
        .filter(size -> size.cpuUnits >= units && size.memoryMiB >= needs.memoryMiB())
        .findFirst()
        .orElseThrow(() -> tooLarge(needs));
  }

  /** The CPU units of so many millicores, rounded up. */
  static long cpuUnits(long cpuMillis) {
    return Math.ceilDiv(cpuMillis * UNITS_PER_VCPU, 1000);
  }

  /** The vCPUs of the size, as AWS writes them ({@code 0.25}, {@code 2}). */
  public String vcpus() {
    return BigDecimal.valueOf(cpuUnits)
        .divide(BigDecimal.valueOf(UNITS_PER_VCPU))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static PodRefusedException tooLarge(PodNeeds needs) {
    return new PodRefusedException(
        "the pod needs "
            + needs.cpuMillis()
            + "m CPU and "
            + needs.memoryMiB()
            + "Mi of memory; the largest Fargate task has "
            + LARGEST.cpuUnits
            + " CPU units ("
            + LARGEST.vcpus()
            + " vCPU) and "
            + LARGEST.memoryMiB
            + " MiB");
  }

  private static List<FargateSize> table() {
    List<FargateSize> sizes = new ArrayList<>();
    sizes.add(new FargateSize(256, 512));
    sizes.add(new FargateSize(256, 1024));
    sizes.add(new FargateSize(256, 2048));
    steps(sizes, 512, 1024, 4096, 1024);
    steps(sizes, 1024, 2048, 8192, 1024);
    steps(sizes, 2048, 4096, 16384, 1024);
    steps(sizes, 4096, 8192, 30720, 1024);
    steps(sizes, 8192, 16384, 61440, 4096);
    steps(sizes, 16384, 32768, 122880, 8192);
    return List.copyOf(sizes);
  }

  private static void steps(List<FargateSize> sizes, int cpu, int from, int to, int step) {
    for (int memory = from; memory <= to; memory += step) {
      sizes.add(new FargateSize(cpu, memory));
    }
  }
}
