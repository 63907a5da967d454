package io.camelvk.provider;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A pod reduced to what identifies it: name, namespace, UID, labels and annotations (shared, not
 * copied). What is kept of a pod for a long time keeps only this and what it really needs, so that
 * ten thousand pods are not held in full several times over.
 */
public final class PodIdentity {

  private PodIdentity() {}

  /** A new pod with only the identifying metadata of {@code pod} and no spec or status. */
  public static Pod of(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    ObjectMeta identity = new ObjectMeta();
    identity.setName(meta.getName());
    identity.setNamespace(meta.getNamespace());
    identity.setUid(meta.getUid());
    identity.setLabels(meta.getLabels());
    identity.setAnnotations(meta.getAnnotations());
    Pod skeleton = new Pod();
    skeleton.setMetadata(identity);
    return skeleton;
  }
}
