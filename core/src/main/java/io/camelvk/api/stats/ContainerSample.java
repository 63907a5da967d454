package io.camelvk.api.stats;

import java.time.Instant;
import java.util.Optional;

/** One container's usage, with its start time when the pod's status knows it. */
public record ContainerSample(String name, Optional<Instant> startTime, CpuMemory usage) {}
