package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's resource admission, for pods that can never fit: a pod whose requests exceed the
 * allocatable of the provider it would run on (the larger of its containers' sum and any one init
 * container, plus the pod overhead) is rejected with the kubelet's {@code OutOf<resource>} reason.
 * What other pods use is not counted: the provider decides that.
 */
public final class PodAdmission {

  public static final String REJECTED_PREFIX = "Pod was rejected: ";

  /** Why a pod is rejected: the kubelet's reason and message. */
  public record Rejection(String reason, String message) {}

  private PodAdmission() {}

  /**
   * @param available the allocatable resources of the provider the pod would run on
   */
  public static Optional<Rejection> check(Pod pod, Map<String, Quantity> available) {
    for (Map.Entry<String, BigDecimal> request : PodResourceRequests.of(pod).entrySet()) {
      Quantity capacity = available.get(request.getKey());
      BigDecimal limit = capacity == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(capacity);
      if (request.getValue().compareTo(limit) > 0) {
        return Optional.of(
            new Rejection(
                "OutOf" + request.getKey(),
                REJECTED_PREFIX
                    + "Node didn't have enough resource: "
                    + request.getKey()
                    + ", requested: "
                    + request.getValue().toPlainString()
                    + ", capacity: "
                    + limit.toPlainString()));
      }
    }
    return Optional.empty();
  }
}
