package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelet's last step of a deletion: removes the pod object with grace period 0 and the pod's
 * UID as a precondition, so that a new pod of the same name is never removed. Each UID is removed
 * once, however often its (stale) cache entry comes by.
 */
public final class PodRemover {

  private static final int CONFLICT = 409;
  private static final int NOT_FOUND = 404;

  private final PodRequests requests;
  private final PodStatusWriter writer;
  private final Set<String> removed = ConcurrentHashMap.newKeySet();

  public PodRemover(KubernetesClient client, PodStatusWriter writer) {
    this.requests = new PodRequests(client);
    this.writer = writer;
  }

  public void remove(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (removed.contains(uid)) {
      return;
    }
    var options =
        new DeleteOptionsBuilder()
            .withGracePeriodSeconds(0L)
            .withNewPreconditions()
            .withUid(uid)
            .endPreconditions()
            .build();
    int code = requests.delete(pod, options);
    // 404: already gone; 409: the name now belongs to another pod, which is not ours to remove.
    if (code / 100 != 2 && code != NOT_FOUND && code != CONFLICT) {
      throw new KubernetesClientException(
          "cannot remove pod " + PodKey.of(pod) + ": HTTP " + code, code, null);
    }
    removed.add(uid);
    writer.forget(uid);
  }

  /** Called when the pod has left the cache: nothing more to remember. */
  public void gone(String uid) {
    removed.remove(uid);
  }
}
