package io.camelvk.pod;

import io.camelvk.provider.ProviderException;
import io.camelvk.provider.ProviderTimeoutException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed sync leaves behind. A provider that refuses a pod (INVALID) fails it at once; a
 * provider that fails (TRANSIENT, a timeout, or any other error) gets retries with backoff and a
 * {@code ProviderTimeout} or {@code ProviderError} event per failed call; once they reach {@link
 * #PROVIDER_ATTEMPTS} the pod gets a {@code ProviderFailed} event (and, for a create, a Pending
 * status that says why) while the retries go on without further events.
 */
public final class PodSyncFailures {

  public static final int PROVIDER_ATTEMPTS = 5;
  public static final String PROVIDER_FAILED = "ProviderFailed";
  public static final String PROVIDER_TIMEOUT = "ProviderTimeout";
  public static final String PROVIDER_ERROR = "ProviderError";
  private static final Logger LOG = LoggerFactory.getLogger(PodSyncFailures.class);

  private final ClusterCache cache;
  private final PodTracker tracker;
  private final PodStatusComposer composer;
  private final PodStatusWriter writer;
  private final PodEvents events;
  private final ResizeEvents resizeEvents;

  public PodSyncFailures(
      ClusterCache cache,
      PodTracker tracker,
      PodStatusComposer composer,
      PodStatusWriter writer,
      PodEvents events,
      ResizeEvents resizeEvents) {
    this.cache = cache;
    this.tracker = tracker;
    this.composer = composer;
    this.writer = writer;
    this.events = events;
    this.resizeEvents = resizeEvents;
  }

  /**
   * @param attempt how many times this key has failed before, this failure not counted
   * @return whether to retry
   */
  public boolean record(PodKey key, SyncPlan plan, Throwable failure, int attempt) {
    Pod pod = cache.pod(key).orElse(null);
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    LOG.warn("sync of pod {} failed (attempt {}): {}", key, attempt + 1, message);
    if (pod == null || plan == null || !plan.callsProvider()) {
      return true;
    }
    if (failure instanceof ProviderException e
        && e.kind() == ProviderException.Kind.INVALID
        && plan.operation() == SyncPlan.Operation.CREATE) {
      tracker.refused(key, plan.provider(), pod);
      events.warning(
          pod, PROVIDER_FAILED, "provider " + plan.provider() + " refused the pod: " + message);
      writeQuietly(pod, composer.failed(pod, PROVIDER_FAILED, message));
      return false;
    }
    if (plan.operation() == SyncPlan.Operation.UPDATE && resizing(key, pod)) {
      PodStatus failed = composer.resizeFailed(pod, message);
      writeQuietly(pod, failed);
      resizeEvents.failed(pod, failed);
    }
    if (attempt + 1 < PROVIDER_ATTEMPTS) {
      retrying(pod, plan, failure, message);
    } else if (attempt + 1 == PROVIDER_ATTEMPTS && plan.operation() == SyncPlan.Operation.CREATE) {
      events.warning(
          pod,
          PROVIDER_FAILED,
          "provider "
              + plan.provider()
              + " failed "
              + PROVIDER_ATTEMPTS
              + " times, still retrying: "
              + message);
      writeQuietly(pod, composer.waiting(pod, PROVIDER_FAILED, message));
    } else if (attempt + 1 == PROVIDER_ATTEMPTS) {
      events.warning(
          pod,
          PROVIDER_FAILED,
          "provider "
              + plan.provider()
              + " failed to "
              + operation(plan)
              + " "
              + PROVIDER_ATTEMPTS
              + " times, still retrying: "
              + message);
    }
    return true;
  }

  /** The pod's container resources are not those its provider was handed: it is being resized. */
  private boolean resizing(PodKey key, Pod pod) {
    return tracker
        .get(key)
        .filter(t -> !t.allocation().byContainer().equals(PodAllocation.of(pod).byContainer()))
        .isPresent();
  }

  /** One event per failed call until the ProviderFailed one, so that each failure is seen. */
  private void retrying(Pod pod, SyncPlan plan, Throwable failure, String message) {
    String reason = failure instanceof ProviderTimeoutException ? PROVIDER_TIMEOUT : PROVIDER_ERROR;
    events.warning(
        pod,
        reason,
        "provider "
            + plan.provider()
            + " failed to "
            + operation(plan)
            + ", retrying with backoff: "
            + message);
  }

  private static String operation(SyncPlan plan) {
    return plan.providerOperation().map(o -> o.value()).orElse("sync");
  }

  private void writeQuietly(Pod pod, PodStatus status) {
    try {
      writer.write(pod, status);
    } catch (RuntimeException e) {
      LOG.warn("cannot write the status of pod {}: {}", PodKey.of(pod), e.getMessage());
    }
  }
}
