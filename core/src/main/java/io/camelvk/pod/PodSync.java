package io.camelvk.pod;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.pod.volume.VolumeResolution;
import io.camelvk.provider.GracePeriod;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Level-triggered sync of one pod, in three steps that route {@code pod-sync} runs: {@link #plan}
 * compares the pod in the cache with what its provider was given and decides the operation; {@link
 * #callProvider} asks the pod's provider through its route; {@link #complete} records the outcome
 * and writes the status.
 */
public final class PodSync {

  private final PodCache cache;
  private final PodTracker tracker;
  private final PodPlacement placement;
  private final Providers providers;
  private final PodStatusSource statuses;
  private final PodStatusComposer composer;
  private final PodStatusWriter writer;
  private final PodRemover remover;
  private final PodEvents events;
  private final KillingEvents killingEvents;
  private final ResizeEvents resizeEvents;
  private final RunningPodStatus running;
  private final ActiveDeadlines deadlines;
  private final PodWorkQueue queue;
  private final Clock clock;

  /** The collaborators of a sync. */
  public record Parts(
      PodCache cache,
      PodTracker tracker,
      PodPlacement placement,
      Providers providers,
      PodStatusSource statuses,
      PodStatusComposer composer,
      PodStatusWriter writer,
      PodRemover remover,
      PodEvents events,
      ResizeEvents resizeEvents,
      PodWorkQueue queue,
      Clock clock) {}

  public PodSync(Parts parts) {
    this.cache = parts.cache();
    this.tracker = parts.tracker();
    this.placement = parts.placement();
    this.providers = parts.providers();
    this.statuses = parts.statuses();
    this.composer = parts.composer();
    this.writer = parts.writer();
    this.remover = parts.remover();
    this.events = parts.events();
    this.killingEvents = new KillingEvents(parts.events());
    this.resizeEvents = parts.resizeEvents();
    this.running = new RunningPodStatus(parts);
    this.deadlines = new ActiveDeadlines(parts.cache(), parts.queue(), parts.clock());
    this.queue = parts.queue();
    this.clock = parts.clock();
  }

  public SyncPlan plan(PodKey key) {
    Optional<Pod> current = cache.pod(key);
    Optional<PodTracker.Tracked> tracked = tracker.get(key);
    if (current.isEmpty()) {
      // Gone from the API server (force-deleted, or deleted while we were down).
      return tracked
          .filter(PodTracker.Tracked::running)
          .map(t -> plan(key, Operation.DELETE, t.provider(), t.applied()))
          .orElseGet(() -> forgetAndSkip(key));
    }
    Pod pod = current.get();
    if (tracked.isPresent() && !tracked.get().uid().equals(pod.getMetadata().getUid())) {
      // Same name, new pod: stop the old one first; complete() queues the new one again.
      return tracked.get().running()
          ? plan(key, Operation.DELETE, tracked.get().provider(), tracked.get().applied())
          : forgetAndPlan(key);
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return tracked.filter(PodTracker.Tracked::running).isPresent()
          ? plan(key, Operation.DELETE, tracked.get().provider(), pod)
          : plan(key, Operation.FINALIZE, null, pod);
    }
    if (tracked.isEmpty()) {
      return pod.getStatus() != null && PodPhase.isTerminal(pod.getStatus().getPhase())
          ? plan(key, Operation.NONE, null, pod)
          : placement.plan(key, pod);
    }
    return planTracked(key, pod, tracked.get());
  }

  private SyncPlan planTracked(PodKey key, Pod pod, PodTracker.Tracked tracked) {
    if (!tracked.running()) {
      return plan(key, Operation.NONE, tracked.provider(), pod);
    }
    if (deadlines.exceeded(pod)) {
      return plan(key, Operation.DEADLINE, tracked.provider(), pod);
    }
    String specHash = PodSpecHash.of(pod);
    Set<PodSpecHash.Part> changed = PodSpecHash.changed(tracked.specHash(), specHash);
    if (!changed.isEmpty()
        && running.unsupported(tracked.provider(), changed).containsAll(changed)) {
      return plan(key, Operation.UNSUPPORTED_CHANGE, tracked.provider(), pod);
    }
    boolean specChanged = !tracked.specHash().equals(specHash);
    return placement
        .update(key, pod, tracked, specChanged)
        .orElseGet(() -> plan(key, Operation.STATUS, tracked.provider(), pod));
  }

  private SyncPlan forgetAndPlan(PodKey key) {
    tracker.forget(key);
    return plan(key);
  }

  /** Asks the pod's provider, through its route, what the plan needs of it. */
  public SyncPlan callProvider(SyncPlan plan) {
    if (!plan.callsProvider()) {
      return plan;
    }
    ProviderHandle provider = providers.require(plan.provider());
    switch (plan.providerOperation().orElseThrow()) {
      case CREATE -> provider.client().create(plan.pod(), plan.providerVolumes());
      case UPDATE -> {
        Optional<Pod> updated = cache.pod(plan.key());
        updated.ifPresent(killingEvents::updating);
        tracker
            .get(plan.key())
            .ifPresent(t -> updated.ifPresent(p -> resizeEvents.handing(p, t.allocation())));
        provider.client().update(plan.pod(), plan.providerVolumes());
      }
      case DELETE -> {
        Pod pod = cache.pod(plan.key()).filter(p -> sameUid(p, plan.pod())).orElse(plan.pod());
        killingEvents.stopping(pod);
        return plan.withLastStates(provider.delete(plan.pod(), GracePeriod.of(pod)).orElse(null));
      }
      default -> throw new IllegalStateException("no provider operation for " + plan);
    }
    return plan;
  }

  private static boolean sameUid(Pod a, Pod b) {
    return a.getMetadata().getUid().equals(b.getMetadata().getUid());
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
    tracker.refused(plan.key(), plan.provider(), plan.pod());
  }

  public void complete(SyncPlan plan) {
    PodKey key = plan.key();
    switch (plan.operation()) {
      case CREATE, UPDATE -> {
        trackRunning(plan);
        cache.pod(key).ifPresent(pod -> running.write(pod, plan.provider()));
        deadlines.scheduleCheck(plan.pod());
      }
      case DELETE -> completeDelete(plan);
      case DEADLINE -> {
        tracker.stopped(key);
        cache.pod(key).ifPresent(this::failPastDeadline);
      }
      case STATUS -> cache.pod(key).ifPresent(pod -> writeStatusAndRecheckDeadline(pod, plan));
      case UNSUPPORTED_CHANGE ->
          cache
              .pod(key)
              .ifPresent(pod -> running.writeWithUnsupportedChanges(pod, plan.provider()));
      case BLOCKED ->
          cache
              .pod(key)
              .ifPresent(p -> writer.write(p, composer.waiting(p, plan.reason(), plan.message())));
      case REJECTED -> reject(plan);
      case FINALIZE -> cache.pod(key).ifPresent(remover::remove);
      case NONE -> {}
    }
  }

  /** Records what the provider now runs, and syncs the pod again when its first token is due. */
  private void trackRunning(SyncPlan plan) {
    VolumeResolution volumes = plan.volumes();
    tracker.running(
        plan.key(), plan.provider(), plan.pod(), volumes == null ? null : volumes.digest());
    if (volumes != null && volumes.refreshAt().isPresent()) {
      queue.addAfter(plan.key(), Duration.between(clock.instant(), volumes.refreshAt().get()));
    }
  }

  /** Like the kubelet: the status says why, and so does a Warning event. */
  private void failPastDeadline(Pod pod) {
    writer.write(
        pod,
        composer.failed(pod, ActiveDeadlines.DEADLINE_EXCEEDED, ActiveDeadlines.DEADLINE_MESSAGE));
    events.warning(pod, ActiveDeadlines.DEADLINE_EXCEEDED, ActiveDeadlines.DEADLINE_MESSAGE);
  }

  private void completeDelete(SyncPlan plan) {
    PodKey key = plan.key();
    tracker.forget(key);
    statuses.forget(key);
    Optional<Pod> current = cache.pod(key);
    if (current.isEmpty()) {
      return;
    }
    Pod pod = current.get();
    if (!sameUid(pod, plan.pod())) {
      queue.add(key);
      return;
    }
    writer.write(pod, composer.stopped(pod, plan.lastStates()));
    remover.remove(pod);
  }

  /** Forgets what was announced of a pod that has left the cache. */
  public void podGone(String uid) {
    running.forget(uid);
  }

  private void writeStatusAndRecheckDeadline(Pod pod, SyncPlan plan) {
    running.write(pod, plan.provider());
    deadlines.recheckAfterStatusWrite(pod);
  }

  private static SyncPlan plan(PodKey key, Operation operation, String provider, Pod pod) {
    return new SyncPlan(key, operation, provider, pod, null, null);
  }

  private SyncPlan forgetAndSkip(PodKey key) {
    tracker.forget(key);
    statuses.forget(key);
    return new SyncPlan(key, Operation.NONE, null, null, null, null);
  }
}
