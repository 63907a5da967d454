package io.camelvk.api.stats;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The node's usage: the sum over its pods, with a CPU time that never goes back when a pod leaves.
 *
 * @param startTime when this kubelet started
 * @param memoryCapacityBytes the node's memory capacity as the provider declares it, if it does
 */
public record NodeSample(
    String nodeName, Instant startTime, CpuMemory usage, OptionalLong memoryCapacityBytes) {}
