package io.camelvk.pod;

import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;

/**
 * The poll path for providers that cannot tell when a status changes: queues every pod they run, so
 * that workers compare its status. The pods of a provider that notifies are not polled.
 */
public final class PodStatusPoller {

  private final PodTracker tracker;
  private final PodWorkQueue queue;
  private final Providers providers;

  public PodStatusPoller(PodTracker tracker, PodWorkQueue queue, Providers providers) {
    this.tracker = tracker;
    this.queue = queue;
    this.providers = providers;
  }

  /** Returns how many pods were queued. */
  public int enqueueTracked() {
    int queued = 0;
    for (ProviderHandle provider : providers.all()) {
      if (!provider.capabilities().notifies()) {
        var keys = tracker.keys(provider.name());
        keys.forEach(queue::add);
        queued += keys.size();
      }
    }
    return queued;
  }
}
