package io.camelvk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CPU seconds the kubelet under test and kube-apiserver spend over a run's cycle: from just
 * before the first create until the last pod is gone. The API server is left out when the benchmark
 * runs against another cluster (its process is not ours to read).
 */
final class CycleCpu {

  private final long kubeletPid;
  private final Long apiServerPid;
  private double kubeletAtStart;
  private double apiServerAtStart;
  private Double kubeletSeconds;
  private Double apiServerSeconds;

  CycleCpu(long kubeletPid, Long apiServerPid) {
    this.kubeletPid = kubeletPid;
    this.apiServerPid = apiServerPid;
  }

  void start() {
    kubeletAtStart = read(kubeletPid);
    apiServerAtStart = apiServerPid == null ? 0 : read(apiServerPid);
  }

  void stop() {
    kubeletSeconds = read(kubeletPid) - kubeletAtStart;
    apiServerSeconds = apiServerPid == null ? null : read(apiServerPid) - apiServerAtStart;
  }

  double kubeletSeconds() {
    if (kubeletSeconds == null) {
      throw new IllegalStateException("the cycle has not ended");
    }
    return kubeletSeconds;
  }

  /** Null without a local control plane. */
  Double apiServerSeconds() {
    return apiServerSeconds;
  }

  private static double read(long pid) {
    try {
      return ProcStat.cpuSeconds(pid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
  }
}
