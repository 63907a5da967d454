package io.camelvk.pod;

import io.camelvk.provider.GracePeriod;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, once the caches have synced, each provider's pod list says who runs what: its pods
 * that still exist in the API server (same UID) are adopted, so that their updates and delete go
 * back to it; the ones deleted while we were down are deleted from it. A pod still in the API
 * server is never deleted here, and no API request is made per pod.
 */
public final class PodStartupReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(PodStartupReconciler.class);

  private final ClusterCache cache;
  private final PodTracker tracker;
  private final Providers providers;

  public PodStartupReconciler(ClusterCache cache, PodTracker tracker, Providers providers) {
    this.cache = cache;
    this.tracker = tracker;
    this.providers = providers;
  }

  public void reconcile() {
    for (ProviderHandle provider : providers.all()) {
      reconcile(provider);
    }
  }

  private void reconcile(ProviderHandle provider) {
    int adopted = 0;
    int removed = 0;
    for (Pod running : provider.client().pods()) {
      PodKey key = PodKey.of(running);
      Pod current = cache.pod(key).orElse(null);
      if (current != null
          && Objects.equals(current.getMetadata().getUid(), running.getMetadata().getUid())) {
        tracker
            .get(key)
            .ifPresent(
                other ->
                    LOG.warn(
                        "pod {} runs on providers {} and {}: its updates and delete go to {}",
                        key,
                        other.provider(),
                        provider.name(),
                        provider.name()));
        tracker.running(key, provider.name(), current);
        adopted++;
      } else {
        LOG.info(
            "pod {} (uid {}) is gone from the API server: deleting it from provider {}",
            key,
            running.getMetadata().getUid(),
            provider.name());
        provider.delete(running, GracePeriod.of(running));
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
