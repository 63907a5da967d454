package io.camelvk.pod;

import io.camelvk.node.NodeProfiles;
import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.pod.volume.VolumeKindCheck;
import io.camelvk.pod.volume.VolumeResolution;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.mapping.ProviderChoice;
import io.camelvk.provider.mapping.ProviderChooser;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * Where a new pod goes and whether it can start there: the provider mapping picks the provider, the
 * kubelet's admission checks the pod against that provider's allocatable, its volumes are set up
 * (kinds the provider does not serve refused, files written for a provider that takes them), and
 * the environment is resolved with its facts. A pod no provider takes waits, Pending with a Warning
 * event, until the mapping or the pod changes; one whose volume cannot be set up waits like the
 * kubelet's, {@code ContainerCreating} with a {@code FailedMount} event.
 */
public final class PodPlacement {

  private final PodEnvironment environment;
  private final PodVolumeSync volumes;
  private final NodeProfiles profiles;
  private final PodEvents events;
  private volatile ProviderChooser mapping;

  public PodPlacement(
      PodEnvironment environment, PodVolumeSync volumes, NodeProfiles profiles, PodEvents events) {
    this.environment = environment;
    this.volumes = volumes;
    this.profiles = profiles;
    this.events = events;
  }

  /** The mapping to place pods with, once its route runs. */
  public void use(ProviderChooser inForce) {
    this.mapping = inForce;
  }

  SyncPlan plan(PodKey key, Pod pod) {
    ProviderChoice choice = mapping.choose(pod, PodResourceRequests.inWholeUnits(pod));
    if (choice.provider().isEmpty()) {
      events.warning(pod, choice.reason(), choice.message());
      return new SyncPlan(key, Operation.BLOCKED, null, pod, choice.reason(), choice.message());
    }
    String provider = choice.provider().get();
    NodeProfile profile = profiles.of(provider);
    Optional<PodAdmission.Rejection> rejection =
        PodAdmission.check(pod, profile.effectiveAllocatable());
    if (rejection.isPresent()) {
      return new SyncPlan(
          key,
          Operation.REJECTED,
          provider,
          pod,
          rejection.get().reason(),
          rejection.get().message());
    }
    return planOn(key, pod, provider, profile);
  }

  /** A pod that fits {@code provider}: its volumes set up, its images checked, its environment. */
  private SyncPlan planOn(PodKey key, Pod pod, String provider, NodeProfile profile) {
    Optional<VolumeResolution.MountFailure> unserved =
        VolumeKindCheck.unserved(pod, provider, profile);
    if (unserved.isPresent()) {
      String message = unserved.get().message();
      events.warning(pod, VolumeResolution.FAILED_MOUNT, message);
      return new SyncPlan(
          key, Operation.BLOCKED, provider, pod, VolumeResolution.FAILED_MOUNT, message);
    }
    VolumeResolution mounted = volumes.resolve(pod, provider).orElse(null);
    if (mounted != null && mounted.failed()) {
      // The kubelet's containers wait in ContainerCreating with no message; the event says why.
      events.warning(pod, VolumeResolution.FAILED_MOUNT, mounted.failure().orElseThrow().message());
      return new SyncPlan(
          key, Operation.BLOCKED, provider, pod, PodStatusComposer.CONTAINER_CREATING, null);
    }
    Optional<SyncPlan> invalidImage = invalidImage(key, pod, provider);
    if (invalidImage.isPresent()) {
      return invalidImage.get();
    }
    PodEnvironment.Resolution resolution = environment.resolve(pod, profile.effectiveAllocatable());
    resolution.events().forEach(e -> events.record(pod, e.type(), e.reason(), e.message()));
    if (resolution.blockingError().isPresent()) {
      return new SyncPlan(
          key,
          Operation.BLOCKED,
          provider,
          pod,
          PodStatusComposer.CREATE_CONTAINER_CONFIG_ERROR,
          resolution.blockingError().get());
    }
    return SyncPlan.giving(key, Operation.CREATE, provider, resolution.pod(), mounted);
  }

  /**
   * Like the kubelet before a pull: a container whose image reference cannot be parsed waits in
   * InvalidImageName, with an InspectFailed Warning on the container, until the pod is fixed.
   */
  private Optional<SyncPlan> invalidImage(PodKey key, Pod pod, String provider) {
    for (var field : PodSpecContainers.withFieldPaths(pod)) {
      String image = field.container().getImage() == null ? "" : field.container().getImage();
      Optional<String> refusal = ImageReference.refusal(image);
      if (refusal.isPresent()) {
        events.onContainer(
            pod, field.fieldPath(), "Warning", ImageReference.INSPECT_FAILED, refusal.get());
        return Optional.of(
            new SyncPlan(
                key,
                Operation.BLOCKED,
                provider,
                pod,
                ImageReference.INVALID_IMAGE_NAME,
                refusal.get()));
      }
    }
    return Optional.empty();
  }

  /** The pod with its environment resolved again, for an update on the provider that runs it. */
  Pod resolved(Pod pod, String provider) {
    return environment.resolve(pod, profiles.of(provider).effectiveAllocatable()).pod();
  }

  /**
   * The update of a running pod whose spec changed ({@code specChanged}) or whose volumes' files
   * did; empty when neither.
   */
  Optional<SyncPlan> update(PodKey key, Pod pod, PodTracker.Tracked tracked, boolean specChanged) {
    Optional<VolumeResolution> current = volumes.current(pod, tracked);
    if (!specChanged && current.filter(v -> PodVolumeSync.differ(v, tracked)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        SyncPlan.giving(
            key,
            Operation.UPDATE,
            tracked.provider(),
            resolved(pod, tracked.provider()),
            current.orElse(null)));
  }
}
