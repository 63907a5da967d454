package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A pod's {@code activeDeadlineSeconds}, counted like the kubelet's from {@code status.startTime}:
 * when it has passed, and when to look again.
 */
final class ActiveDeadlines {

  static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
  static final Duration DEADLINE_RECHECK = Duration.ofSeconds(1);
  static final String DEADLINE_MESSAGE =
      "Pod was active on the node longer than the specified deadline";

  private final PodCache cache;
  private final PodWorkQueue queue;
  private final Clock clock;

  ActiveDeadlines(PodCache cache, PodWorkQueue queue, Clock clock) {
    this.cache = cache;
    this.queue = queue;
    this.clock = clock;
  }

  boolean exceeded(Pod pod) {
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    String started = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
    return deadline != null
        && started != null
        && !Instant.parse(started).plusSeconds(deadline).isAfter(clock.instant());
  }

  /** Syncs the pod again when its deadline passes, counting from now if it has no start time. */
  void scheduleCheck(Pod pod) {
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    if (deadline != null) {
      String started =
          cache.pod(PodKey.of(pod)).map(Pod::getStatus).map(PodStatus::getStartTime).orElse(null);
      Instant start = started == null ? clock.instant() : Instant.parse(started);
      queue.addAfter(
          PodKey.of(pod), Duration.between(clock.instant(), start.plusSeconds(deadline)));
    }
  }

  /** After a status write of a pod with a deadline: checks it again soon, or at the deadline. */
  void recheckAfterStatusWrite(Pod pod) {
    if (pod.getSpec().getActiveDeadlineSeconds() == null) {
      return;
    }
    // The deadline counts from status.startTime; until the cache shows the one we wrote, check
    // again soon. Once it does, check again at the deadline: a check that ran a moment early (the
    // start time has whole seconds) would otherwise wait for the next full resync.
    if (pod.getStatus() == null || pod.getStatus().getStartTime() == null) {
      queue.addAfter(PodKey.of(pod), DEADLINE_RECHECK);
    } else {
      scheduleCheck(pod);
    }
  }
}
