package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One container's CPU (millicores) and memory (MiB), as a request or as what it may use at most,
 * each rounded up to a whole unit: a container never gets less than it asked for.
 */
record ContainerResources(long cpuMillis, long memoryMiB) {

  static final String CPU = "cpu";
  static final String MEMORY = "memory";
  static final ContainerResources NONE = new ContainerResources(0, 0);

  private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

  /** What the container asked for: its requests. */
  static ContainerResources requested(Container container) {
    Map<String, Quantity> requests = requests(container.getResources());
    return new ContainerResources(millicores(requests.get(CPU)), mebibytes(requests.get(MEMORY)));
  }

  /** What the container may use: its limit where set, else its request. */
  static ContainerResources limitOrRequest(ResourceRequirements resources) {
    return new ContainerResources(
        millicores(limitOrRequest(resources, CPU)), mebibytes(limitOrRequest(resources, MEMORY)));
  }

  /** The container's memory limit in MiB, 0 when it has none. */
  static long memoryLimitMiB(Container container) {
    return mebibytes(limits(container.getResources()).get(MEMORY));
  }

  ContainerResources plus(ContainerResources other) {
    return new ContainerResources(cpuMillis + other.cpuMillis, memoryMiB + other.memoryMiB);
  }

  /** Each amount this has not (zero) taken from the other. */
  ContainerResources orElse(ContainerResources other) {
    return new ContainerResources(
        cpuMillis > 0 ? cpuMillis : other.cpuMillis, memoryMiB > 0 ? memoryMiB : other.memoryMiB);
  }

  ContainerResources max(ContainerResources other) {
    return new ContainerResources(
        Math.max(cpuMillis, other.cpuMillis), Math.max(memoryMiB, other.memoryMiB));
  }

  /**
   * ECS container CPU units (1,024 per vCPU) for the millicores, rounded down as the kubelet's
   * {@code MilliCPUToShares} rounds: the containers' units then never add up to more than the task
   * has.
   */
  int cpuUnits() {
    return Math.toIntExact(cpuMillis * FargateSize.UNITS_PER_VCPU / 1000);
  }

  static long millicores(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity)
        .movePointRight(3)
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  static long mebibytes(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity)
        .divide(MIB, 0, RoundingMode.CEILING)
        .longValueExact();
  }

  private static Quantity limitOrRequest(ResourceRequirements resources, String resource) {
    Quantity limit = limits(resources).get(resource);
    return limit != null ? limit : requests(resources).get(resource);
  }

  private static Map<String, Quantity> limits(ResourceRequirements resources) {
    return resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
  }

  private static Map<String, Quantity> requests(ResourceRequirements resources) {
    return resources == null || resources.getRequests() == null
        ? Map.of()
        : resources.getRequests();
  }
}
