package io.camelvk.pod;

import io.camelvk.node.NodeProfiles;
import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.mapping.ProviderChoice;
import io.camelvk.provider.mapping.ProviderChooser;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * Where a new pod goes and whether it can start there: the provider mapping picks the provider, the
 * kubelet's admission checks the pod against that provider's allocatable, and the environment is
 * resolved with its facts. A pod no provider takes waits, Pending with a Warning event, until the
 * mapping or the pod changes.
 */
public final class PodPlacement {

  private final PodEnvironment environment;
  private final NodeProfiles profiles;
  private final PodEvents events;
  private volatile ProviderChooser mapping;

  public PodPlacement(PodEnvironment environment, NodeProfiles profiles, PodEvents events) {
    this.environment = environment;
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
    return new SyncPlan(key, Operation.CREATE, provider, resolution.pod(), null, null);
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
}
