package io.camelvk.pod;

import io.camelvk.pod.volume.VolumeReferences;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.function.Consumer;

/**
 * Which pods a ConfigMap or Secret change concerns: those of its namespace not running yet (their
 * environment or a volume may have been waiting for it), and the running ones whose volumes read it
 * when their provider takes volumes, so that the new files reach it without waiting for a resync.
 */
public final class ConfigChangeRequeue implements Consumer<ConfigChange> {

  private final PodCache cache;
  private final PodTracker tracker;
  private final Providers providers;
  private final PodWorkQueue queue;

  public ConfigChangeRequeue(
      PodCache cache, PodTracker tracker, Providers providers, PodWorkQueue queue) {
    this.cache = cache;
    this.tracker = tracker;
    this.providers = providers;
    this.queue = queue;
  }

  @Override
  public void accept(ConfigChange change) {
    for (Pod pod : cache.pods()) {
      if (change.namespace().equals(pod.getMetadata().getNamespace())) {
        PodKey key = PodKey.of(pod);
        boolean concerned =
            tracker
                .get(key)
                .map(t -> providers.takesVolumes(t.provider()) && uses(pod, change))
                .orElse(true);
        if (concerned) {
          queue.add(key);
        }
      }
    }
  }

  private static boolean uses(Pod pod, ConfigChange change) {
    return VolumeReferences.uses(pod, change.secret(), change.name());
  }
}
