package io.camelvk.pod;

import io.camelvk.node.NodeProfiles;
import io.camelvk.pod.volume.PodVolumeResolver;
import io.camelvk.pod.volume.VolumeResolution;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Objects;
import java.util.Optional;

/**
 * A pod's volumes as its provider is to see them. Only a provider that takes volumes (capability
 * {@code volumes}) gets their files, so one that never mounts any costs no TokenRequest; the kinds
 * a provider serves are checked for every provider, at placement.
 */
public final class PodVolumeSync {

  private final PodVolumeResolver resolver;
  private final Providers providers;
  private final NodeProfiles profiles;

  public PodVolumeSync(PodVolumeResolver resolver, Providers providers, NodeProfiles profiles) {
    this.resolver = resolver;
    this.providers = providers;
    this.profiles = profiles;
  }

  /** The pod's volumes written for {@code provider}; empty when it does not take volumes. */
  Optional<VolumeResolution> resolve(Pod pod, String provider) {
    if (!providers.takesVolumes(provider)) {
      return Optional.empty();
    }
    return Optional.of(resolver.resolve(pod, profiles.of(provider).effectiveAllocatable()));
  }

  /**
   * The volumes of a running pod as they are now; empty when its provider takes none or they cannot
   * be read now (the provider keeps what it has, as a kubelet keeps a mounted volume whose
   * ConfigMap went away).
   */
  Optional<VolumeResolution> current(Pod pod, PodTracker.Tracked tracked) {
    if (pod.getStatus() != null && PodPhase.isTerminal(pod.getStatus().getPhase())) {
      return Optional.empty();
    }
    return resolve(pod, tracked.provider()).filter(v -> !v.failed());
  }

  /** Whether the provider was given other files than these, or we do not know what it has. */
  static boolean differ(VolumeResolution volumes, PodTracker.Tracked tracked) {
    return !Objects.equals(tracked.volumeDigest(), volumes.digest());
  }
}
