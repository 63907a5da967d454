package io.camelvk.pod.volume;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;

/** Whether a pod's volumes read a ConfigMap or a Secret, so that a change of it reaches the pod. */
public final class VolumeReferences {

  private VolumeReferences() {}

  /** Whether a volume of the pod reads the ConfigMap (or, with {@code secret}, the Secret). */
  public static boolean uses(Pod pod, boolean secret, String name) {
    for (Volume volume : pod.getSpec().getVolumes()) {
      if (secret
          ? volume.getSecret() != null && name.equals(volume.getSecret().getSecretName())
          : volume.getConfigMap() != null && name.equals(volume.getConfigMap().getName())) {
        return true;
      }
      if (volume.getProjected() != null
          && volume.getProjected().getSources().stream()
              .anyMatch(source -> projects(source, secret, name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean projects(VolumeProjection source, boolean secret, String name) {
    return secret
        ? source.getSecret() != null && name.equals(source.getSecret().getName())
        : source.getConfigMap() != null && name.equals(source.getConfigMap().getName());
  }
}
