package io.camelvk.api.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One pod's containers, and their sum as the pod's usage (summed once, read by every writer). */
public record PodSample(
    String namespace,
    String name,
    String uid,
    Optional<Instant> startTime,
    List<ContainerSample> containers,
    CpuMemory usage) {

  public static PodSample of(
      String namespace,
      String name,
      String uid,
      Optional<Instant> startTime,
      List<ContainerSample> containers) {
    List<ContainerSample> copied = List.copyOf(containers);
    CpuMemory usage =
        CpuMemory.sum(
            copied.stream().map(ContainerSample::usage).toList(), startTime.orElse(Instant.EPOCH));
    return new PodSample(namespace, name, uid, startTime, copied, usage);
  }
}
