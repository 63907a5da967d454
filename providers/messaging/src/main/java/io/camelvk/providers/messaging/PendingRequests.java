package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Requests sent to every worker (logs, the list of pods) whose answers come back on the replies
 * destination, matched by correlation id. An answer to no open request (one that came too late) is
 * dropped.
 */
final class PendingRequests {

  /**
   * @param position the answer's {@code logsequence}, -1 when it has none
   */
  record Answer(String worker, JsonNode data, long position) {

    Answer(String worker, JsonNode data) {
      this(worker, data, -1);
    }
  }

  private final Map<String, BlockingQueue<Answer>> open = new ConcurrentHashMap<>();

  void open(String correlationId) {
    open.put(correlationId, new LinkedBlockingQueue<>());
  }

  /**
   * @return false when no request with this id waits
   */
  boolean answer(String correlationId, Answer answer) {
    BlockingQueue<Answer> answers = open.get(correlationId);
    return answers != null && answers.offer(answer);
  }

  Optional<Answer> first(String correlationId, Duration timeout) throws InterruptedException {
    try {
      return Optional.ofNullable(
          open.get(correlationId).poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } finally {
      open.remove(correlationId);
    }
  }

  /** The first answer; the request stays open for more. */
  Optional<Answer> firstOfMany(String correlationId, Duration timeout) throws InterruptedException {
    return Optional.ofNullable(
        open.get(correlationId).poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * The answers to a request that stays open until {@link #close}d: a followed log's lines, as the
   * worker sends them.
   */
  BlockingQueue<Answer> answers(String correlationId) {
    return open.get(correlationId);
  }

  /** Later answers to this request are dropped as late. */
  void close(String correlationId) {
    open.remove(correlationId);
  }

  /** The answers that came within the window, or as soon as each expected worker answered. */
  List<Answer> all(String correlationId, Duration window, Set<String> expected)
      throws InterruptedException {
    BlockingQueue<Answer> answers = open.get(correlationId);
    List<Answer> received = new ArrayList<>();
    Set<String> missing = new HashSet<>(expected);
    long deadline = System.nanoTime() + window.toNanos();
    try {
      while (expected.isEmpty() || !missing.isEmpty()) {
        long left = deadline - System.nanoTime();
        Answer answer = left > 0 ? answers.poll(left, TimeUnit.NANOSECONDS) : null;
        if (answer == null) {
          break;
        }
        received.add(answer);
        missing.remove(answer.worker());
      }
      return received;
    } finally {
      open.remove(correlationId);
    }
  }
}
