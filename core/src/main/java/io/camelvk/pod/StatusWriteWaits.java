package io.camelvk.pod;

import io.camelvk.provider.StatusNotWrittenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reporters that wait until their status is written: each waits for the end of the first sync of
 * its pod that <em>begins</em> after the report. A sync already running when the report came may
 * have read the status before it, so it does not count; the report queued the pod again, and the
 * work queue runs that next sync once the running one is done.
 */
public final class StatusWriteWaits {

  /** How long a reporter waits for the sync at most. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Map<PodKey, List<CompletableFuture<Void>>> beforeSync = new HashMap<>();
  private final Map<PodKey, List<CompletableFuture<Void>>> inSync = new HashMap<>();
  private final Duration timeout;

  public StatusWriteWaits(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Runs {@code queueSync}, which queues the pod, and returns once a sync that began after this
   * call has ended well.
   *
   * @throws StatusNotWrittenException when that sync failed, or none ended within the timeout
   */
  public void await(PodKey key, Runnable queueSync) {
    CompletableFuture<Void> synced = new CompletableFuture<>();
    synchronized (this) {
      beforeSync.computeIfAbsent(key, k -> new ArrayList<>()).add(synced);
    }
    queueSync.run();
    try {
      synced.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StatusNotWrittenException(
          "the status of pod " + key + " was not written: " + reason(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      abandon(key, synced);
      throw new StatusNotWrittenException(
          "the status of pod " + key + " was not written within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      abandon(key, synced);
      Thread.currentThread().interrupt();
      throw new StatusNotWrittenException("interrupted waiting for the status of pod " + key, e);
    }
  }

  private static String reason(Throwable failure) {
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
  }

  /** A sync of the pod begins: it answers the reporters waiting so far. */
  public synchronized void syncBegins(PodKey key) {
    List<CompletableFuture<Void>> waiting = beforeSync.remove(key);
    if (waiting != null) {
      inSync.computeIfAbsent(key, k -> new ArrayList<>()).addAll(waiting);
    }
  }

  /**
   * @param failure what made the sync fail, null when it ended well
   */
  public void syncEnded(PodKey key, Throwable failure) {
    List<CompletableFuture<Void>> waiting;
    synchronized (this) {
      waiting = inSync.remove(key);
    }
    if (waiting == null) {
      return;
    }
    for (CompletableFuture<Void> synced : waiting) {
      if (failure == null) {
        synced.complete(null);
      } else {
        synced.completeExceptionally(failure);
      }
    }
  }

  /** How many reporters wait, for tests and metrics. */
  public synchronized int waiting() {
    return beforeSync.values().stream().mapToInt(List::size).sum()
        + inSync.values().stream().mapToInt(List::size).sum();
  }

  private synchronized void abandon(PodKey key, CompletableFuture<Void> synced) {
    remove(beforeSync, key, synced);
    remove(inSync, key, synced);
  }

  private static void remove(
      Map<PodKey, List<CompletableFuture<Void>>> waits,
      PodKey key,
      CompletableFuture<Void> synced) {
    List<CompletableFuture<Void>> waiting = waits.get(key);
    if (waiting != null && waiting.remove(synced) && waiting.isEmpty()) {
      waits.remove(key);
    }
  }
}
