package io.camelvk.providers.mock;

import io.camelvk.providers.mock.pod.SimulatedPod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Tells the listeners (the core) about a pod whose state changes by itself (a start delay ends, a
 * container exits or restarts) at the time it does, for as long as the pod is the mock's.
 */
final class StatusNotifications {

  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Predicate<SimulatedPod> stillRuns;
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  StatusNotifications(
      Clock clock, ScheduledExecutorService scheduler, Predicate<SimulatedPod> stillRuns) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.stillRuns = stillRuns;
  }

  void add(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  /** Notifies at the pod's next change, and again at the one after. */
  void scheduleNextChange(SimulatedPod pod) {
    Instant now = clock.instant();
    Instant next = pod.nextChange(now);
    if (next == null || scheduler.isShutdown()) {
      return;
    }
    long delay = Math.max(0, Duration.between(now, next).toMillis()) + 1;
    scheduler.schedule(() -> notify(pod), delay, TimeUnit.MILLISECONDS);
  }

  /** Notifies at once (the pod changed by what an attach gave it), then at its next change. */
  void changedNow(SimulatedPod pod) {
    if (!scheduler.isShutdown()) {
      scheduler.execute(() -> notify(pod));
    }
  }

  private void notify(SimulatedPod pod) {
    if (stillRuns.test(pod)) {
      String namespace = pod.pod().getMetadata().getNamespace();
      String name = pod.pod().getMetadata().getName();
      listeners.forEach(l -> l.accept(namespace, name));
      scheduleNextChange(pod);
    }
  }
}
