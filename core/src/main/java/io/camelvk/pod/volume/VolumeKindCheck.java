package io.camelvk.pod.volume;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a provider can serve every volume of a pod: by default the kinds whose files the core
 * writes, plus those its node profile adds. A pod with any other (a {@code hostPath}, a {@code
 * persistentVolumeClaim}) is refused, never run without it.
 */
public final class VolumeKindCheck {

  private VolumeKindCheck() {}

  /** Why the provider cannot run the pod, naming the first volume it does not serve. */
  public static Optional<VolumeResolution.MountFailure> unserved(
      Pod pod, String provider, NodeProfile profile) {
    for (Volume volume : pod.getSpec().getVolumes()) {
      VolumeKind kind = VolumeKind.of(volume).orElse(VolumeKind.EMPTY_DIR);
      if (!profile.serves(kind)) {
        return Optional.of(
            new VolumeResolution.MountFailure(
                volume.getName(),
                "provider "
                    + provider
                    + " does not serve "
                    + kind.specName()
                    + " volumes (it serves "
                    + served(profile)
                    + ")"));
      }
    }
    return Optional.empty();
  }

  private static String served(NodeProfile profile) {
    return Arrays.stream(VolumeKind.values())
        .filter(profile::serves)
        .map(VolumeKind::specName)
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
