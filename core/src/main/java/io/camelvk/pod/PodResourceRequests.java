package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pod requests as the scheduler and the kubelet's admission count it: the sum over its
 * containers, or any one init container if that is larger, plus the pod overhead. Amounts are plain
 * numbers: cores for {@code cpu}, bytes for {@code memory}, counts for extended resources.
 */
public final class PodResourceRequests {

  private PodResourceRequests() {}

  /**
   * The same requests in whole units, as the provider mapping gets them ({@code VkPodRequests}):
   * {@code cpu} in millicores, everything else rounded up to a whole number (bytes, counts), so
   * that a route compares them with plain numbers ({@code > 16000}), which Camel's simple language
   * compares exactly only between whole numbers.
   */
  public static Map<String, Long> inWholeUnits(Pod pod) {
    Map<String, Long> whole = new TreeMap<>();
    of(pod)
        .forEach(
            (name, amount) ->
                whole.put(
                    name,
                    (name.equals("cpu") ? amount.movePointRight(3) : amount)
                        .setScale(0, RoundingMode.CEILING)
                        .longValueExact()));
    return whole;
  }

  public static Map<String, BigDecimal> of(Pod pod) {
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
