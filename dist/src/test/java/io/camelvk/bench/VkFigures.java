package io.camelvk.bench;

import java.util.Map;

/**
 * The figures only the virtual kubelet has: its API requests over the cycle (its own /metrics), the
 * seconds from starting its process to its node Ready and to /readyz 200, and its CPU seconds by
 * thread group over its whole life, for profiling.
 */
record VkFigures(
    ApiRequests apiRequests,
    double startSeconds,
    double startToReadyzSeconds,
    Map<String, Double> threadCpuSeconds) {}
