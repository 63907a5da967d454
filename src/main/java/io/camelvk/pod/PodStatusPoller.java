package io.camelvk.pod;

/** Queues every pod the provider runs, so that workers compare its status (the poll path). */
public final class PodStatusPoller {

  private final PodTracker tracker;
  private final PodWorkQueue queue;

  public PodStatusPoller(PodTracker tracker, PodWorkQueue queue) {
    this.tracker = tracker;
    this.queue = queue;
  }

  public int enqueueTracked() {
    var keys = tracker.keys();
    keys.forEach(queue::add);
    return keys.size();
  }
}
