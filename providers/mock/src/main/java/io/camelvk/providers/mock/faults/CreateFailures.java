package io.camelvk.providers.mock.faults;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The creates a pod asked to fail ({@code mock.camelvk.io/fail-create}), counted by UID. */
public final class CreateFailures {

  private final Map<String, Integer> failedCreates = new ConcurrentHashMap<>();

  /** Throws when this create of the pod must fail: always (INVALID) or the first n (TRANSIENT). */
  public void failIfAsked(Pod pod, PodBehaviour behaviour) {
    if (behaviour.failCreate() < 0) {
      throw ProviderException.invalid(
          "mock: pod "
              + pod.getMetadata().getName()
              + " asked to fail its creation ("
              + PodBehaviour.FAIL_CREATE
              + ")");
    }
    int failed = failedCreates.merge(pod.getMetadata().getUid(), 1, Integer::sum);
    if (failed <= behaviour.failCreate()) {
      throw ProviderException.transientFailure(
          "mock: transient failure "
              + failed
              + " of "
              + behaviour.failCreate()
              + " for pod "
              + pod.getMetadata().getName());
    }
  }

  public void forget(String uid) {
    failedCreates.remove(uid);
  }
}
