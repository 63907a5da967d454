package io.camelvk.providers.interlink;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.interlink.wire.RemotePodStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code /status} request for all the node's pods instead of one per pod: the core asks each
 * pod's status every few seconds, and every answer younger than {@code maxAge} serves them all. A
 * pod whose containers have all terminated is not asked again (its job is over), as interLink's
 * virtual kubelet does. So the requests per second stay flat as pods are added; only the body grows
 * with them.
 */
final class StatusBatch {

  /** What the last batch says of a pod. */
  sealed interface Lookup {}

  record Known(RemotePodStatus status) implements Lookup {}

  /** Asked, and the backend did not answer for it: it does not know the pod. */
  record Unknown() implements Lookup {}

  /** Created after the last batch: its status comes with the next one. */
  record NotAskedYet() implements Lookup {}

  private record Snapshot(Instant at, Set<String> asked, Map<String, RemotePodStatus> answers) {}

  private final InterlinkClient client;
  private final JobLedger ledger;
  private final Clock clock;
  private final Duration maxAge;
  private final Object refreshing = new Object();
  private volatile Snapshot last = new Snapshot(Instant.MIN, Set.of(), Map.of());
  private String lastFailure;
  private Instant failedAt = Instant.MIN;

  StatusBatch(InterlinkClient client, JobLedger ledger, Clock clock, Duration maxAge) {
    this.client = client;
    this.ledger = ledger;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  Lookup lookup(String uid) {
    Snapshot snapshot = fresh(last) ? last : refresh();
    RemotePodStatus status = snapshot.answers().get(uid);
    if (status != null) {
      return new Known(status);
    }
    return snapshot.asked().contains(uid) ? new Unknown() : new NotAskedYet();
  }

  private boolean fresh(Snapshot snapshot) {
    return clock.instant().isBefore(snapshot.at().plus(maxAge));
  }

  /**
   * A new snapshot, made by one worker while the others wait for it. Those that waited for a failed
   * request fail with it, instead of each asking a backend that is down again (and each waiting its
   * read timeout).
   */
  private Snapshot refresh() {
    synchronized (refreshing) {
      if (fresh(last)) {
        return last;
      }
      if (lastFailure != null && clock.instant().isBefore(failedAt.plus(maxAge))) {
        throw ProviderException.transientFailure(lastFailure);
      }
      try {
        last = ask();
        lastFailure = null;
        return last;
      } catch (ProviderException e) {
        lastFailure = e.getMessage();
        failedAt = clock.instant();
        throw e;
      }
    }
  }

  /** One request for every pod whose job is not over yet. */
  private Snapshot ask() {
    Map<String, RemotePodStatus> answers = new HashMap<>();
    last.answers().values().stream()
        .filter(StatusBatch::over)
        .filter(s -> ledger.byUid(s.podUid()).isPresent())
        .forEach(s -> answers.put(s.podUid(), s));
    List<Pod> asked =
        ledger.all().stream()
            .map(JobLedger.Job::pod)
            .filter(p -> !answers.containsKey(p.getMetadata().getUid()))
            .toList();
    if (!asked.isEmpty()) {
      client.status(asked).stream()
          .filter(s -> s.podUid() != null)
          .forEach(s -> answers.put(s.podUid(), s));
    }
    Set<String> uids =
        asked.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    uids.addAll(answers.keySet());
    return new Snapshot(clock.instant(), Set.copyOf(uids), Map.copyOf(answers));
  }

  /** Every container terminated: the job is over and its status no longer changes. */
  private static boolean over(RemotePodStatus status) {
    return !status.containers().isEmpty()
        && status.containers().stream()
            .allMatch(c -> c.getState() != null && c.getState().getTerminated() != null);
  }
}
