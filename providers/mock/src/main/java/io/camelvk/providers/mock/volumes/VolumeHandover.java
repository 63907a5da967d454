package io.camelvk.providers.mock.volumes;

import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the volumes the core gives go: to the pod that runs, at once, or, since they come before
 * the create of a new pod, kept until that create takes them.
 */
public final class VolumeHandover {

  private final Map<String, PodVolumes> beforeCreate = new ConcurrentHashMap<>();

  /**
   * @param running the volumes of the pod of the same UID that runs, if it does
   */
  public void give(Pod pod, PodVolumes volumes, Optional<PodVolumeFiles> running) {
    running.ifPresentOrElse(
        files -> files.update(volumes),
        () -> beforeCreate.put(pod.getMetadata().getUid(), volumes));
  }

  /** The volumes of a pod being created, with the files given for it. */
  public PodVolumeFiles take(Pod pod) {
    PodVolumeFiles files = PodVolumeFiles.of(pod);
    Optional.ofNullable(beforeCreate.remove(pod.getMetadata().getUid())).ifPresent(files::update);
    return files;
  }

  /** Drops what was given for a pod that will not be created. */
  public void forget(String uid) {
    beforeCreate.remove(uid);
  }
}
