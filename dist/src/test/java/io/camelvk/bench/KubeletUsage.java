package io.camelvk.bench;

/**
 * What the kubelet under test used over a run's cycle: its CPU seconds and kube-apiserver's (null
 * against another cluster), and its peak RSS over its whole life.
 */
record KubeletUsage(double cpuSeconds, Double apiServerCpuSeconds, long peakRssMiB) {}
