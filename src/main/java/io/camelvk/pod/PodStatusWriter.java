package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Objects;

/**
 * The single writer of pod status: a merge patch of {@code pods/<name>/status}, only when the
 * status differs from the one in the cache, and only for the same pod (the UID is a precondition).
 */
public final class PodStatusWriter {

  private final KubernetesClient client;

  public PodStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /** Returns whether a request was made. */
  public boolean write(Pod pod, PodStatus desired) {
    if (Objects.equals(pod.getStatus(), desired)) {
      return false;
    }
    Map<String, Object> patch =
        Map.of("metadata", Map.of("uid", pod.getMetadata().getUid()), "status", desired);
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    return true;
  }
}
