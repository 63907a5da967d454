package io.camelvk;

import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.pod.StatusWriteWaits;
import io.camelvk.pod.SyncPlan;
import io.camelvk.pod.camel.SyncFailureHandler;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * Told about every sync: tells the reporters waiting for a write, times the sync and hands failures
 * to {@link PodSyncFailures}.
 */
final class SyncOutcomes implements SyncFailureHandler {

  private final PodSyncFailures failures;
  private final KubeletMetrics metrics;
  private final StatusWriteWaits writeWaits;

  SyncOutcomes(PodSyncFailures failures, KubeletMetrics metrics, StatusWriteWaits writeWaits) {
    this.failures = failures;
    this.metrics = metrics;
    this.writeWaits = writeWaits;
  }

  @Override
  public void onStart(PodKey key) {
    writeWaits.syncBegins(key);
  }

  @Override
  public boolean onFailure(PodKey key, Exchange exchange, int attempt) {
    return failures.record(key, plan(exchange), exchange.getException(), attempt);
  }

  @Override
  public void onSync(PodKey key, Exchange exchange, Duration took) {
    writeWaits.syncEnded(key, exchange.getException());
    SyncPlan plan = plan(exchange);
    metrics.sync(
        plan == null ? "UNPLANNED" : plan.operation().name(),
        exchange.getException() != null,
        took);
  }

  private static SyncPlan plan(Exchange exchange) {
    return exchange.getVariable("syncPlan", SyncPlan.class);
  }
}
