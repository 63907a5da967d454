package io.camelvk.pod;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.pod.volume.VolumeResolution;
import io.camelvk.provider.GracePeriod;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Level-triggered sync of one pod, in three steps that route {@code pod-sync} runs: {@link #plan}
 * compares the pod in the cache with what its provider was given and decides the operation; {@link
 * #callProvider} asks the pod's provider through its route; {@link #complete} records the outcome
 * and writes the status.
 */
public final class PodSync {

  static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
  static final Duration DEADLINE_RECHECK = Duration.ofSeconds(1);
  static final String DEADLINE_MESSAGE =
      "Pod was active on the node longer than the specified deadline";

  private final PodCache cache;
  private final PodTracker tracker;
  private final PodPlacement placement;
  private final Providers providers;
  private final PodStatusSource statuses;
  private final PodStatusComposer composer;
  private final PodStatusWriter writer;
  private final PodRemover remover;
  private final PodEvents events;
  private final ContainerEvents containerEvents;
  private final KillingEvents killingEvents;
  private final ReadinessEvents readinessEvents;
  private final ResizeEvents resizeEvents;
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
    this.containerEvents = new ContainerEvents(parts.events(), parts.clock());
    this.killingEvents = new KillingEvents(parts.events());
    this.readinessEvents = new ReadinessEvents(parts.events(), parts.clock());
    this.resizeEvents = parts.resizeEvents();
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
    if (deadlineExceeded(pod)) {
      return plan(key, Operation.DEADLINE, tracked.provider(), pod);
    }
    String specHash = PodSpecHash.of(pod);
    Set<PodSpecHash.Part> changed = PodSpecHash.changed(tracked.specHash(), specHash);
    if (!changed.isEmpty() && unsupported(tracked.provider(), changed).containsAll(changed)) {
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
        cache.pod(key).ifPresent(pod -> writeStatus(pod, plan.provider()));
        scheduleDeadlineCheck(plan.pod());
      }
      case DELETE -> completeDelete(plan);
      case DEADLINE -> {
        tracker.stopped(key);
        cache.pod(key).ifPresent(this::failPastDeadline);
      }
      case STATUS -> cache.pod(key).ifPresent(pod -> writeStatusAndRecheckDeadline(pod, plan));
      case UNSUPPORTED_CHANGE ->
          cache.pod(key).ifPresent(pod -> writeStatus(pod, plan.provider(), pending(plan, pod)));
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
    writer.write(pod, composer.failed(pod, DEADLINE_EXCEEDED, DEADLINE_MESSAGE));
    events.warning(pod, DEADLINE_EXCEEDED, DEADLINE_MESSAGE);
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

  private void writeStatus(Pod pod, String provider) {
    writeStatus(pod, provider, Set.of());
  }

  /** The changes of a running pod its provider cannot apply, which its status then reports. */
  private Set<PodSpecHash.Part> pending(SyncPlan plan, Pod pod) {
    return tracker
        .get(plan.key())
        .map(
            t ->
                unsupported(
                    plan.provider(), PodSpecHash.changed(t.specHash(), PodSpecHash.of(pod))))
        .orElse(Set.of());
  }

  /**
   * Writes the status the provider reports; {@code pending} are the changes it cannot apply (only
   * an UNSUPPORTED_CHANGE plan has any: any other plan's spec is the one the provider was given).
   */
  private void writeStatus(Pod pod, String provider, Set<PodSpecHash.Part> pending) {
    Optional<PodStatus> reported = statuses.of(pod, provider);
    if (reported.isEmpty()) {
      // The provider lost the pod (its backend restarted): start it again.
      tracker.forget(PodKey.of(pod));
      queue.add(PodKey.of(pod));
      return;
    }
    PodAllocation allocation =
        tracker
            .get(PodKey.of(pod))
            .map(PodTracker.Tracked::allocation)
            .orElseGet(() -> PodAllocation.of(pod));
    PodStatus status = composer.running(pod, reported.get(), allocation);
    if (pending.contains(PodSpecHash.Part.RESOURCES)) {
      status = composer.resizeInfeasible(pod, status, provider);
    }
    if (pending.contains(PodSpecHash.Part.EPHEMERAL)) {
      status = composer.ephemeralUnsupported(pod, status, provider);
    }
    writer.write(pod, status);
    containerEvents.reported(pod, status);
    readinessEvents.reported(pod, reported.get(), status);
    resizeEvents.reported(pod, status, allocation);
  }

  /** Of these changes, those the provider cannot apply to a running pod. */
  private Set<PodSpecHash.Part> unsupported(String provider, Set<PodSpecHash.Part> changed) {
    var capabilities = providers.require(provider).capabilities();
    Set<PodSpecHash.Part> unsupported = EnumSet.noneOf(PodSpecHash.Part.class);
    if (changed.contains(PodSpecHash.Part.RESOURCES) && !capabilities.resizes()) {
      unsupported.add(PodSpecHash.Part.RESOURCES);
    }
    if (changed.contains(PodSpecHash.Part.EPHEMERAL) && !capabilities.runsEphemeralContainers()) {
      unsupported.add(PodSpecHash.Part.EPHEMERAL);
    }
    return unsupported;
  }

  /** Forgets what was announced of a pod that has left the cache. */
  public void podGone(String uid) {
    containerEvents.forget(uid);
    readinessEvents.forget(uid);
    resizeEvents.forget(uid);
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

  private void writeStatusAndRecheckDeadline(Pod pod, SyncPlan plan) {
    writeStatus(pod, plan.provider());
    if (pod.getSpec().getActiveDeadlineSeconds() == null) {
      return;
    }
    // The deadline counts from status.startTime; until the cache shows the one we wrote, check
    // again soon. Once it does, check again at the deadline: a check that ran a moment early (the
    // start time has whole seconds) would otherwise wait for the next full resync.
    if (pod.getStatus() == null || pod.getStatus().getStartTime() == null) {
      queue.addAfter(PodKey.of(pod), DEADLINE_RECHECK);
    } else {
      scheduleDeadlineCheck(pod);
    }
  }

  private boolean deadlineExceeded(Pod pod) {
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    String started = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
    return deadline != null
        && started != null
        && !Instant.parse(started).plusSeconds(deadline).isAfter(clock.instant());
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
