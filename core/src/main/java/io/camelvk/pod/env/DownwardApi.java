package io.camelvk.pod.env;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The downward API's values: {@code fieldRef} and {@code resourceFieldRef}, as the kubelet computes
 * them.
 */
public final class DownwardApi {

  private static final Pattern SUBSCRIPT =
      Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private DownwardApi() {}

  /**
   * @throws IllegalArgumentException for a field path the kubelet does not support
   */
  public static String field(Pod pod, ObjectFieldSelector selector, NodeFacts node) {
    String path = selector.getFieldPath();
    Matcher subscript = SUBSCRIPT.matcher(path);
    if (subscript.matches()) {
      Map<String, String> map =
          subscript.group(1).equals("labels")
              ? pod.getMetadata().getLabels()
              : pod.getMetadata().getAnnotations();
      return map == null ? "" : map.getOrDefault(subscript.group(2), "");
    }
    return switch (path) {
      case "metadata.name" -> pod.getMetadata().getName();
      case "metadata.namespace" -> pod.getMetadata().getNamespace();
      case "metadata.uid" -> pod.getMetadata().getUid();
      case "spec.nodeName" -> pod.getSpec().getNodeName();
      case "spec.serviceAccountName" ->
          Optional.ofNullable(pod.getSpec().getServiceAccountName()).orElse("");
      case "status.hostIP" -> node.hostIps().isEmpty() ? "" : node.hostIps().getFirst();
      case "status.hostIPs" -> String.join(",", node.hostIps());
      case "status.podIP" -> node.podIps().isEmpty() ? "" : node.podIps().getFirst();
      case "status.podIPs" -> String.join(",", node.podIps());
      default -> throw new IllegalArgumentException("unsupported fieldPath: " + path);
    };
  }

  /**
   * The kubelet's ExtractContainerResourceValue: cpu in units of the divisor rounded up from
   * millicores, memory and ephemeral storage in units of the divisor rounded up; a limit that is
   * not set is the node's allocatable.
   */
  public static String resource(
      Pod pod, Container current, ResourceFieldSelector selector, NodeFacts node) {
    Container container =
        selector.getContainerName() == null || selector.getContainerName().isEmpty()
            ? current
            : pod.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(selector.getContainerName()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "container " + selector.getContainerName() + " not found"));
    String[] parts = selector.getResource().split("\\.", 2);
    if (parts.length != 2 || !(parts[0].equals("limits") || parts[0].equals("requests"))) {
      throw new IllegalArgumentException(
          "unsupported container resource: " + selector.getResource());
    }
    Quantity value = amount(container, parts[0], parts[1], node);
    Quantity divisor = selector.getDivisor() == null ? new Quantity("1") : selector.getDivisor();
    BigDecimal amount = Quantity.getAmountInBytes(value);
    BigDecimal per = Quantity.getAmountInBytes(divisor);
    if (per.signum() == 0) {
      throw new IllegalArgumentException("divisor of " + selector.getResource() + " is zero");
    }
    if (parts[1].equals("cpu")) {
      amount = amount.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING);
      per = per.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING);
    }
    return amount.divide(per, 0, RoundingMode.CEILING).toPlainString();
  }

  private static Quantity amount(
      Container container, String kind, String resource, NodeFacts node) {
    if (!java.util.Set.of("cpu", "memory", "ephemeral-storage").contains(resource)) {
      throw new IllegalArgumentException(
          "unsupported container resource: " + kind + "." + resource);
    }
    Map<String, Quantity> values =
        container.getResources() == null
            ? null
            : kind.equals("limits")
                ? container.getResources().getLimits()
                : container.getResources().getRequests();
    Quantity set = values == null ? null : values.get(resource);
    if (set != null) {
      return set;
    }
    return kind.equals("limits")
        ? node.allocatable().getOrDefault(resource, new Quantity("0"))
        : new Quantity("0");
  }
}
