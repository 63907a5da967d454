package io.camelvk.metrics;

import io.camelvk.pod.ClusterCache;

/** {@code /healthz} and {@code /readyz}: alive while serving; ready while the informers watch. */
public final class HealthChecks {

  /** What an endpoint answers. */
  public record Answer(int code, String text) {}

  private final ClusterCache cache;

  public HealthChecks(ClusterCache cache) {
    this.cache = cache;
  }

  public Answer healthz() {
    return new Answer(200, "ok\n");
  }

  public Answer readyz() {
    return cache.isWatching()
        ? new Answer(200, "ok\n")
        : new Answer(503, "informers are not watching the API server\n");
  }
}
