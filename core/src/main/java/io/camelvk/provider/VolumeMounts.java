package io.camelvk.provider;

import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A bean provider that takes the pods' volumes: their files (ConfigMaps, Secrets, downward API,
 * projected service-account tokens), resolved by the core. Without it a provider gets no files and
 * costs the API server no token request.
 */
public interface VolumeMounts {

  /**
   * The pod's volumes as they are now: called before {@link Provider#createPod} and before each
   * {@link Provider#updatePod} of the same pod, also when only the volumes' contents changed (a
   * ConfigMap edited, a token refreshed). Keep what the containers should see; do not log the
   * bytes.
   */
  void mountVolumes(Pod pod, PodVolumes volumes);
}
