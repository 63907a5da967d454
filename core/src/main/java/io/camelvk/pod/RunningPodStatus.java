package io.camelvk.pod;

import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a running pod's status from what its provider reports, with the changes it cannot apply
 * ({@code PodResizePending}, ephemeral containers it cannot run), and the events derived from it.
 */
final class RunningPodStatus {

  private final PodTracker tracker;
  private final Providers providers;
  private final PodStatusSource statuses;
  private final PodStatusComposer composer;
  private final PodStatusWriter writer;
  private final PodWorkQueue queue;
  private final ContainerEvents containerEvents;
  private final ReadinessEvents readinessEvents;
  private final ResizeEvents resizeEvents;

  RunningPodStatus(PodSync.Parts parts) {
    this.tracker = parts.tracker();
    this.providers = parts.providers();
    this.statuses = parts.statuses();
    this.composer = parts.composer();
    this.writer = parts.writer();
    this.queue = parts.queue();
    Clock clock = parts.clock();
    this.containerEvents = new ContainerEvents(parts.events(), clock);
    this.readinessEvents = new ReadinessEvents(parts.events(), clock);
    this.resizeEvents = parts.resizeEvents();
  }

  void write(Pod pod, String provider) {
    write(pod, provider, Set.of());
  }

  /** After an UNSUPPORTED_CHANGE plan: the status says which changes the provider cannot apply. */
  void writeWithUnsupportedChanges(Pod pod, String provider) {
    Set<PodSpecHash.Part> pending =
        tracker
            .get(PodKey.of(pod))
            .map(t -> unsupported(provider, PodSpecHash.changed(t.specHash(), PodSpecHash.of(pod))))
            .orElse(Set.of());
    write(pod, provider, pending);
  }

  private void write(Pod pod, String provider, Set<PodSpecHash.Part> pending) {
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
  Set<PodSpecHash.Part> unsupported(String provider, Set<PodSpecHash.Part> changed) {
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
  void forget(String uid) {
    containerEvents.forget(uid);
    readinessEvents.forget(uid);
    resizeEvents.forget(uid);
  }
}
