package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;

/**
 * When the kubelet's prober runs one of a container's probes: the first time {@code
 * initialDelaySeconds} after the container started, then every {@code periodSeconds}. Unset fields
 * take the kubelet's defaults (the API server fills them in, a unit test's pod may not).
 */
record ProbeTiming(
    Duration initialDelay, Duration period, int successThreshold, int failureThreshold) {

  static final int DEFAULT_INITIAL_DELAY_SECONDS = 0;
  static final int DEFAULT_PERIOD_SECONDS = 10;
  static final int DEFAULT_SUCCESS_THRESHOLD = 1;
  static final int DEFAULT_FAILURE_THRESHOLD = 3;

  static ProbeTiming of(Probe probe) {
    return new ProbeTiming(
        Duration.ofSeconds(
            orDefault(probe.getInitialDelaySeconds(), DEFAULT_INITIAL_DELAY_SECONDS)),
        Duration.ofSeconds(
            Math.max(1, orDefault(probe.getPeriodSeconds(), DEFAULT_PERIOD_SECONDS))),
        Math.max(1, orDefault(probe.getSuccessThreshold(), DEFAULT_SUCCESS_THRESHOLD)),
        Math.max(1, orDefault(probe.getFailureThreshold(), DEFAULT_FAILURE_THRESHOLD)));
  }

  /** The first probe at or after {@code notBefore}, for a container started at {@code start}. */
  Instant firstProbeFrom(Instant start, Instant notBefore) {
    Instant first = start.plus(initialDelay);
    if (!notBefore.isAfter(first)) {
      return first;
    }
    long periods = ceilDiv(Duration.between(first, notBefore), period);
    return first.plus(period.multipliedBy(periods));
  }

  /** When {@code successThreshold} probes in a row have passed, the first at {@code firstPass}. */
  Instant succeededAt(Instant firstPass) {
    return firstPass.plus(period.multipliedBy(successThreshold - 1L));
  }

  /** When {@code failureThreshold} probes in a row have failed, the first at {@code firstFail}. */
  Instant failedAt(Instant firstFail) {
    return firstFail.plus(period.multipliedBy(failureThreshold - 1L));
  }

  private static long ceilDiv(Duration elapsed, Duration period) {
    return Math.ceilDiv(elapsed.toNanos(), period.toNanos());
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
