package io.camelvk.api.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One pod's containers; the pod's usage is their sum. */
public record PodSample(
    String namespace,
    String name,
    String uid,
    Optional<Instant> startTime,
    List<ContainerSample> containers) {

  public PodSample {
    containers = List.copyOf(containers);
  }

  public CpuMemory usage() {
    return CpuMemory.sum(
        containers.stream().map(ContainerSample::usage).toList(), startTime.orElse(Instant.EPOCH));
  }
}
