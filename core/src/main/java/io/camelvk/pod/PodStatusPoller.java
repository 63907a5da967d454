package io.camelvk.pod;

/**
 * The poll path for providers that cannot push status changes: queues every pod the provider runs,
 * so that workers compare its status. A provider that notifies is not polled.
 */
public final class PodStatusPoller {

  private final PodTracker tracker;
  private final PodWorkQueue queue;
  private final boolean providerNotifies;

  public PodStatusPoller(PodTracker tracker, PodWorkQueue queue, boolean providerNotifies) {
    this.tracker = tracker;
    this.queue = queue;
    this.providerNotifies = providerNotifies;
  }

  /** Returns how many pods were queued. */
  public int enqueueTracked() {
    if (providerNotifies) {
      return 0;
    }
    var keys = tracker.keys();
    keys.forEach(queue::add);
    return keys.size();
  }
}
