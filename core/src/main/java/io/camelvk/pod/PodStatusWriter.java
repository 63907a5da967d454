package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single writer of pod status: one merge patch of {@code pods/<name>/status}, only when the
 * status differs both from the cached one and from the last one we wrote for that pod (the cache
 * may not have seen our own write yet), and only for the same pod (the UID is a precondition). What
 * we wrote is remembered only until the cache shows it.
 */
public final class PodStatusWriter {

  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;

  private final PodRequests requests;
  private final Map<String, PodStatus> lastWritten = new ConcurrentHashMap<>();

  public PodStatusWriter(KubernetesClient client) {
    this.requests = new PodRequests(client);
  }

  /** Returns whether a request was made. */
  public boolean write(Pod pod, PodStatus composed) {
    String uid = pod.getMetadata().getUid();
    if (Objects.equals(pod.getStatus(), composed)) {
      lastWritten.remove(uid);
      return false;
    }
    PodStatus written = lastWritten.get(uid);
    PodStatus desired = ConditionTimes.keptFrom(written, composed);
    if (desired.equals(written)) {
      return false;
    }
    int code = requests.patchStatus(pod, Map.of("metadata", Map.of("uid", uid), "status", desired));
    if (code == NOT_FOUND || code == CONFLICT) {
      forget(uid);
      return true;
    }
    if (code / 100 != 2) {
      throw new KubernetesClientException(
          "cannot patch the status of pod " + PodKey.of(pod) + ": HTTP " + code, code, null);
    }
    lastWritten.put(uid, desired);
    return true;
  }

  /** Drops what we remember of a pod that is gone. */
  public void forget(String uid) {
    lastWritten.remove(uid);
  }
}
