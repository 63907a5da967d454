package io.camelvk.providers.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Which status of a pod is the newest: replies are ordered by the command they answer ({@code
 * sequence}), then by the worker's own count for that command ({@code statussequence}). A reply at
 * or below the last one applied for its pod UID is a duplicate or stale, and is dropped. The
 * provider's own statuses (waiting for a worker, failed for lack of one) take places in the same
 * order: just below the worker's first reply to a create, and, for a pod failed for want of a
 * worker, above any reply at all. Statuses handled at once (several reply consumers) take turns by
 * pod UID: {@link #applyIfNewer} judges, applies and records one status before the next is judged.
 * A pod forgotten (gone) is remembered for a while as gone: every reply about it is stale.
 */
final class ReplyOrder {

  /** The place of the status the provider writes while a create waits for its first reply. */
  static final long AWAITING_WORKER = -1;

  /** The place of the status the provider writes when no worker answered in time: final. */
  static final long NO_WORKER = Long.MAX_VALUE;

  /** After every reply there can be: a pod failed for want of a worker stays failed. */
  static final Place FINAL = new Place("9".repeat(20), NO_WORKER);

  enum Verdict {
    NEWER,
    DUPLICATE,
    STALE
  }

  record Place(String sequence, long statusSequence) implements Comparable<Place> {
    @Override
    public int compareTo(Place other) {
      int bySequence = sequence.compareTo(other.sequence);
      return bySequence != 0 ? bySequence : Long.compare(statusSequence, other.statusSequence);
    }

    boolean fromWorker() {
      return statusSequence != AWAITING_WORKER && statusSequence != NO_WORKER;
    }
  }

  /** Pod UIDs share this many locks: two pods rarely wait for each other, and none is kept. */
  private static final int TURNS = 64;

  /** How many pods gone are remembered by UID (about 100 bytes each), the oldest dropped first. */
  static final int GONE_REMEMBERED = 10_000;

  private final Map<String, Place> applied = new ConcurrentHashMap<>();
  private final ReentrantLock[] turns =
      Stream.generate(ReentrantLock::new).limit(TURNS).toArray(ReentrantLock[]::new);
  private final Map<String, Boolean> gone;

  ReplyOrder() {
    this(GONE_REMEMBERED);
  }

  ReplyOrder(int goneRemembered) {
    gone =
        Collections.synchronizedMap(
            new LinkedHashMap<>() {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > goneRemembered;
              }
            });
  }

  Verdict verdict(String podUid, Place place) {
    if (gone.containsKey(podUid)) {
      return Verdict.STALE;
    }
    Place last = applied.get(podUid);
    if (last == null) {
      return Verdict.NEWER;
    }
    int order = place.compareTo(last);
    return order > 0 ? Verdict.NEWER : order == 0 ? Verdict.DUPLICATE : Verdict.STALE;
  }

  /**
   * Judges a status and, when it is newer, runs {@code apply} and records it as applied, in turn
   * with every other status of its pod UID. An {@code apply} that fails records nothing.
   */
  Verdict applyIfNewer(String podUid, Place place, Runnable apply) {
    ReentrantLock turn = turns[Math.floorMod(podUid.hashCode(), TURNS)];
    turn.lock();
    try {
      Verdict verdict = verdict(podUid, place);
      if (verdict == Verdict.NEWER) {
        apply.run();
        applied(podUid, place);
      }
      return verdict;
    } finally {
      turn.unlock();
    }
  }

  /** Records a status as written; one not newer than the last is ignored. */
  void applied(String podUid, Place place) {
    if (gone.containsKey(podUid)) {
      return;
    }
    applied.merge(podUid, place, (last, next) -> next.compareTo(last) > 0 ? next : last);
  }

  /** Whether a worker has answered about this pod since this process started. */
  boolean workerAnswered(String podUid) {
    Place last = applied.get(podUid);
    return last != null && last.fromWorker();
  }

  /** Whether a status of the pod was written, or the pod is gone. */
  boolean known(String podUid) {
    return applied.containsKey(podUid) || gone.containsKey(podUid);
  }

  /** The pod is gone: its place is dropped, and replies about it are stale from now on. */
  void forget(String podUid) {
    gone.put(podUid, Boolean.TRUE);
    applied.remove(podUid);
  }

  /** The pod is created again (the same UID): it is not gone any more. */
  void revive(String podUid) {
    gone.remove(podUid);
  }

  /** How many pods have a place. */
  int size() {
    return applied.size();
  }
}
