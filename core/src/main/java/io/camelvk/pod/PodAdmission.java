package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The kubelet's resource admission, for pods that can never fit: a pod whose requests exceed the
 * node's allocatable (the larger of its containers' sum and any one init container, plus the pod
 * overhead) is rejected with the kubelet's {@code OutOf<resource>} reason. What other pods use is
 * not counted: the provider decides that.
 */
public final class PodAdmission {

  public static final String REJECTED_PREFIX = "Pod was rejected: ";

  private final Supplier<Map<String, Quantity>> allocatable;

  /** Why a pod is rejected: the kubelet's reason and message. */
  public record Rejection(String reason, String message) {}

  public PodAdmission(Supplier<Map<String, Quantity>> allocatable) {
    this.allocatable = allocatable;
  }

  public Optional<Rejection> check(Pod pod) {
    Map<String, Quantity> available = allocatable.get();
    for (Map.Entry<String, BigDecimal> request : requests(pod).entrySet()) {
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

  private static Map<String, BigDecimal> requests(Pod pod) {
    Map<String, BigDecimal> total = sum(pod.getSpec().getContainers());
    for (Container init : pod.getSpec().getInitContainers()) {
      sum(List.of(init)).forEach((name, amount) -> total.merge(name, amount, BigDecimal::max));
    }
    if (pod.getSpec().getOverhead() != null) {
      pod.getSpec()
          .getOverhead()
          .forEach((name, q) -> total.merge(name, Quantity.getAmountInBytes(q), BigDecimal::add));
    }
    return total;
  }

  private static Map<String, BigDecimal> sum(List<Container> containers) {
    Map<String, BigDecimal> total = new TreeMap<>();
    for (Container container : containers) {
      if (container.getResources() != null && container.getResources().getRequests() != null) {
        container
            .getResources()
            .getRequests()
            .forEach((name, q) -> total.merge(name, Quantity.getAmountInBytes(q), BigDecimal::add));
      }
    }
    return total;
  }
}
