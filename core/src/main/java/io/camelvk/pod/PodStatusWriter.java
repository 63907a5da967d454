package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single writer of pod status: one merge patch of {@code pods/<name>/status}, only when the
 * status differs both from the cached one and from the last one we wrote for that pod (the cache
 * may not have seen our own write yet), and only for the same pod (the UID is a precondition). What
 * we wrote is remembered only until the cache shows it, and its times (conditions' transitions, the
 * pod's start) are kept by what is composed meanwhile.
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
    PodStatus desired = startTimeKept(written, ConditionTimes.keptFrom(written, composed));
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

  /**
   * A pod's start time is set once: the one we wrote stays. Composed while the cache has not yet
   * seen our write, it would be "now" again, differ, and be written again at every sync (a burst of
   * 300 pods on the messaging provider made 6.6 status patches per pod instead of 3).
   */
  private static PodStatus startTimeKept(PodStatus written, PodStatus desired) {
    if (written == null
        || written.getStartTime() == null
        || Objects.equals(written.getStartTime(), desired.getStartTime())) {
      return desired;
    }
    return new PodStatusBuilder(desired).withStartTime(written.getStartTime()).build();
  }

  /** Drops what we remember of a pod that is gone. */
  public void forget(String uid) {
    lastWritten.remove(uid);
  }
}
