package io.camelvk.pod;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A keyed work queue like client-go's: a key waits at most once (adding it again while it waits
 * does nothing), a key being processed is never handed to a second worker (added again meanwhile,
 * it is handed out after {@link #done}), and failed keys come back after an exponential backoff.
 */
public final class PodWorkQueue {

  public static final Duration BACKOFF_BASE = Duration.ofMillis(100);
  public static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

  private final ArrayDeque<PodKey> queue = new ArrayDeque<>();
  private final Set<PodKey> dirty = new HashSet<>();
  private final Set<PodKey> processing = new HashSet<>();
  private final Map<PodKey, Integer> failures = new HashMap<>();
  private final Map<PodKey, Long> queuedAt = new HashMap<>();
  private Consumer<Duration> waitListener = waited -> {};
  private final ScheduledExecutorService delays;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private boolean shuttingDown;

  public PodWorkQueue() {
    this(BACKOFF_BASE, BACKOFF_MAX);
  }

  public PodWorkQueue(Duration backoffBase, Duration backoffMax) {
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
    this.delays =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pod-queue-delay").daemon().factory());
  }

  public synchronized void add(PodKey key) {
    if (shuttingDown || !dirty.add(key)) {
      return;
    }
    if (!processing.contains(key)) {
      enqueue(key);
    }
  }

  private void enqueue(PodKey key) {
    queue.addLast(key);
    queuedAt.put(key, System.nanoTime());
    notify();
  }

  /** Told how long each key waited between being queued and being taken. */
  public synchronized void onWait(Consumer<Duration> listener) {
    this.waitListener = listener;
  }

  public void addAfter(PodKey key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    synchronized (this) {
      if (shuttingDown) {
        return;
      }
    }
    delays.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Adds the key back after a backoff that doubles with each failure, up to the maximum. */
  public void addRateLimited(PodKey key) {
    int failed;
    synchronized (this) {
      failed = failures.merge(key, 1, Integer::sum);
    }
    addAfter(key, backoff(failed));
  }

  Duration backoff(int failed) {
    long factor = 1L << Math.min(failed - 1, 30);
    long millis = backoffBase.toMillis() * factor;
    return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
  }

  /** How often the key has failed since it last succeeded. */
  public synchronized int failures(PodKey key) {
    return failures.getOrDefault(key, 0);
  }

  public synchronized void forget(PodKey key) {
    failures.remove(key);
  }

  /** Blocks until a key is ready; empty once the queue shuts down, even with keys waiting. */
  public synchronized Optional<PodKey> take() throws InterruptedException {
    while (queue.isEmpty() && !shuttingDown) {
      wait();
    }
    if (shuttingDown) {
      return Optional.empty();
    }
    PodKey key = queue.removeFirst();
    processing.add(key);
    dirty.remove(key);
    Long since = queuedAt.remove(key);
    if (since != null) {
      waitListener.accept(Duration.ofNanos(System.nanoTime() - since));
    }
    return Optional.of(key);
  }

  /** Ends the processing of a key; if it was added meanwhile, it is queued again. */
  public synchronized void done(PodKey key) {
    processing.remove(key);
    if (dirty.contains(key) && !shuttingDown) {
      enqueue(key);
    }
  }

  public synchronized int depth() {
    return queue.size();
  }

  public synchronized void shutDown() {
    shuttingDown = true;
    notifyAll();
    delays.shutdownNow();
  }
}
