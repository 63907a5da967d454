package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A pod's {@code namespace/name}, the key of the work queue and of every per-pod map. */
public record PodKey(String namespace, String name) {

  public static PodKey of(HasMetadata pod) {
    return new PodKey(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  /** Parses {@code namespace/name}. */
  public static PodKey parse(String key) {
    int slash = key.indexOf('/');
    if (slash <= 0 || slash == key.length() - 1) {
      throw new IllegalArgumentException("not a namespace/name key: " + key);
    }
    return new PodKey(key.substring(0, slash), key.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
