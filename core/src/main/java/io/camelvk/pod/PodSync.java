package io.camelvk.pod;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Level-triggered sync of one pod, in two halves around the provider call: {@link #plan} compares
 * the pod in the cache with what we gave the provider and decides the operation; {@link #complete}
 * records the outcome and writes the status.
 */
public final class PodSync {

  static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
  static final Duration DEADLINE_RECHECK = Duration.ofSeconds(1);
  static final String DEADLINE_MESSAGE =
      "Pod was active on the node longer than the specified deadline";

  private final ClusterCache cache;
  private final PodTracker tracker;
  private final PodEnvironment environment;
  private final Provider provider;
  private final PodStatusComposer composer;
  private final PodStatusWriter writer;
  private final PodRemover remover;
  private final PodEvents events;
  private final PodWorkQueue queue;
  private final PodAdmission admission;
  private final Clock clock;

  public PodSync(
      ClusterCache cache,
      PodTracker tracker,
      PodEnvironment environment,
      Provider provider,
      PodStatusComposer composer,
      PodStatusWriter writer,
      PodRemover remover,
      PodEvents events,
      PodWorkQueue queue,
      PodAdmission admission,
      Clock clock) {
    this.cache = cache;
    this.tracker = tracker;
    this.environment = environment;
    this.provider = provider;
    this.composer = composer;
    this.writer = writer;
    this.remover = remover;
    this.events = events;
    this.queue = queue;
    this.admission = admission;
    this.clock = clock;
  }

  public SyncPlan plan(PodKey key) {
    Optional<Pod> current = cache.pod(key);
    Optional<PodTracker.Tracked> tracked = tracker.get(key);
    if (current.isEmpty()) {
      // Gone from the API server (force-deleted, or deleted while we were down).
      return tracked
          .filter(PodTracker.Tracked::running)
          .map(t -> plan(key, Operation.DELETE, t.applied()))
          .orElseGet(() -> forgetAndSkip(key));
    }
    Pod pod = current.get();
    if (tracked.isPresent() && !tracked.get().uid().equals(pod.getMetadata().getUid())) {
      // Same name, new pod: stop the old one first; complete() queues the new one again.
      return tracked.get().running()
          ? plan(key, Operation.DELETE, tracked.get().applied())
          : forgetAndPlan(key);
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return tracked.filter(PodTracker.Tracked::running).isPresent()
          ? plan(key, Operation.DELETE, pod)
          : plan(key, Operation.FINALIZE, pod);
    }
    if (tracked.isEmpty()) {
      return planStart(key, pod);
    }
    if (!tracked.get().running()) {
      return plan(key, Operation.NONE, pod);
    }
    if (deadlineExceeded(pod)) {
      return plan(key, Operation.DEADLINE, pod);
    }
    if (!tracked.get().specHash().equals(PodSpecHash.of(pod))) {
      return plan(key, Operation.UPDATE, environment.resolve(pod).pod());
    }
    return plan(key, Operation.STATUS, pod);
  }

  private SyncPlan forgetAndPlan(PodKey key) {
    tracker.forget(key);
    return plan(key);
  }

  private SyncPlan planStart(PodKey key, Pod pod) {
    if (pod.getStatus() != null && PodPhase.isTerminal(pod.getStatus().getPhase())) {
      return plan(key, Operation.NONE, pod);
    }
    Optional<PodAdmission.Rejection> rejection = admission.check(pod);
    if (rejection.isPresent()) {
      return new SyncPlan(
          key,
          Operation.REJECTED,
          provider.name(),
          pod,
          rejection.get().reason(),
          rejection.get().message());
    }
    PodEnvironment.Resolution resolution = environment.resolve(pod);
    resolution.events().forEach(e -> events.record(pod, e.type(), e.reason(), e.message()));
    if (resolution.blockingError().isPresent()) {
      return new SyncPlan(
          key,
          Operation.BLOCKED,
          provider.name(),
          pod,
          PodStatusComposer.CREATE_CONTAINER_CONFIG_ERROR,
          resolution.blockingError().get());
    }
    return plan(key, Operation.CREATE, resolution.pod());
  }

  /** Fails a pod that can never fit, like the kubelet's admission: status first, then tracked. */
  private void reject(SyncPlan plan) {
    cache
        .pod(plan.key())
        .ifPresent(
            pod -> {
              writer.write(pod, composer.failed(pod, plan.reason(), plan.message()));
              events.warning(pod, plan.reason(), plan.message());
            });
    tracker.refused(plan.key(), plan.pod());
  }

  public void complete(SyncPlan plan) {
    PodKey key = plan.key();
    switch (plan.operation()) {
      case CREATE, UPDATE -> {
        tracker.running(key, plan.pod());
        cache.pod(key).ifPresent(this::writeStatus);
        scheduleDeadlineCheck(plan.pod());
      }
      case DELETE -> completeDelete(plan);
      case DEADLINE -> {
        tracker.stopped(key);
        cache.pod(key).ifPresent(this::failPastDeadline);
      }
      case STATUS -> cache.pod(key).ifPresent(this::writeStatusAndRecheckDeadline);
      case BLOCKED ->
          cache
              .pod(key)
              .ifPresent(p -> writer.write(p, composer.waiting(p, plan.reason(), plan.message())));
      case REJECTED -> reject(plan);
      case FINALIZE -> cache.pod(key).ifPresent(remover::remove);
      case NONE -> {}
    }
  }

  /** Like the kubelet: the status says why, and so does a Warning event. */
  private void failPastDeadline(Pod pod) {
    writer.write(pod, composer.failed(pod, DEADLINE_EXCEEDED, DEADLINE_MESSAGE));
    events.warning(pod, DEADLINE_EXCEEDED, DEADLINE_MESSAGE);
  }

  private void completeDelete(SyncPlan plan) {
    PodKey key = plan.key();
    tracker.forget(key);
    Optional<Pod> current = cache.pod(key);
    if (current.isEmpty()) {
      return;
    }
    Pod pod = current.get();
    if (!pod.getMetadata().getUid().equals(plan.pod().getMetadata().getUid())) {
      queue.add(key);
      return;
    }
    writer.write(pod, composer.stopped(pod));
    remover.remove(pod);
  }

  private void writeStatus(Pod pod) {
    Optional<PodStatus> reported =
        provider.podStatus(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    if (reported.isEmpty()) {
      // The provider lost the pod (its backend restarted): start it again.
      tracker.forget(PodKey.of(pod));
      queue.add(PodKey.of(pod));
      return;
    }
    writer.write(pod, composer.running(pod, reported.get()));
  }

  private void scheduleDeadlineCheck(Pod pod) {
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    if (deadline != null) {
      String started =
          cache.pod(PodKey.of(pod)).map(Pod::getStatus).map(PodStatus::getStartTime).orElse(null);
      Instant start = started == null ? clock.instant() : Instant.parse(started);
      queue.addAfter(
          PodKey.of(pod), Duration.between(clock.instant(), start.plusSeconds(deadline)));
    }
  }

  private void writeStatusAndRecheckDeadline(Pod pod) {
    writeStatus(pod);
    // The deadline counts from status.startTime; until the cache shows the one we wrote, check
    // again soon rather than wait for the next full resync.
    if (pod.getSpec().getActiveDeadlineSeconds() != null
        && (pod.getStatus() == null || pod.getStatus().getStartTime() == null)) {
      queue.addAfter(PodKey.of(pod), DEADLINE_RECHECK);
    }
  }

  private boolean deadlineExceeded(Pod pod) {
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    String started = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
    return deadline != null
        && started != null
        && !Instant.parse(started).plusSeconds(deadline).isAfter(clock.instant());
  }

  private SyncPlan plan(PodKey key, Operation operation, Pod pod) {
    return new SyncPlan(key, operation, provider.name(), pod, null, null);
  }

  private SyncPlan forgetAndSkip(PodKey key) {
    tracker.forget(key);
    return new SyncPlan(key, Operation.NONE, provider.name(), null, null, null);
  }
}
