package io.camelvk.pod;

import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, once the caches have synced: the provider's pods that still exist in the API server
 * (same UID) are adopted; the ones deleted while we were down are deleted from the provider. A pod
 * still in the API server is never deleted here.
 */
public final class PodStartupReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(PodStartupReconciler.class);

  private final ClusterCache cache;
  private final PodTracker tracker;
  private final Provider provider;

  public PodStartupReconciler(ClusterCache cache, PodTracker tracker, Provider provider) {
    this.cache = cache;
    this.tracker = tracker;
    this.provider = provider;
  }

  public void reconcile() {
    int adopted = 0;
    int removed = 0;
    for (Pod running : provider.pods()) {
      PodKey key = PodKey.of(running);
      Pod current = cache.pod(key).orElse(null);
      if (current != null
          && Objects.equals(current.getMetadata().getUid(), running.getMetadata().getUid())) {
        tracker.running(key, current);
        adopted++;
      } else {
        LOG.info(
            "pod {} (uid {}) is gone from the API server: deleting it from provider {}",
            key,
            running.getMetadata().getUid(),
            provider.name());
        provider.deletePod(running);
        removed++;
      }
    }
    LOG.info(
        "start-up: adopted {} running pods, deleted {} stale pods from provider {}",
        adopted,
        removed,
        provider.name());
  }
}
