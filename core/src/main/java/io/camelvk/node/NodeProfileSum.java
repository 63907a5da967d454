package io.camelvk.node;

import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node made of several providers: its capacity and allocatable are the sums of theirs, each of
 * its conditions the worst any provider reports (Ready False before Unknown before True; a pressure
 * or NetworkUnavailable True before Unknown before False), its message naming the provider; its
 * addresses and taints all of theirs (a taint once by key and effect, the first provider's). One
 * provider's profile is the node's as it is.
 */
final class NodeProfileSum {

  private static final String READY = "Ready";
  private static final Set<String> HEALTHY_IF_TRUE = Set.of(READY);

  private NodeProfileSum() {}

  static NodeProfile of(Map<String, NodeProfile> byProvider) {
    if (byProvider.size() == 1) {
      return byProvider.values().iterator().next();
    }
    return new NodeProfile(
        sum(byProvider.values().stream().map(NodeProfile::capacity).toList()),
        sum(byProvider.values().stream().map(NodeProfile::effectiveAllocatable).toList()),
        worstConditions(byProvider),
        "camel-virtual-kubelet (" + String.join(", ", byProvider.keySet()) + ")",
        Set.of(),
        byProvider.values().stream()
            .flatMap(profile -> profile.addresses().stream())
            .distinct()
            .toList(),
        taints(byProvider));
  }

  private static List<Taint> taints(Map<String, NodeProfile> byProvider) {
    Map<List<String>, Taint> byKeyAndEffect = new LinkedHashMap<>();
    byProvider
        .values()
        .forEach(
            profile ->
                profile
                    .taints()
                    .forEach(
                        t -> byKeyAndEffect.putIfAbsent(List.of(t.getKey(), t.getEffect()), t)));
    return List.copyOf(byKeyAndEffect.values());
  }

  private static Map<String, Quantity> sum(List<Map<String, Quantity>> resources) {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (Map<String, Quantity> each : resources) {
      each.forEach((name, q) -> totals.merge(name, Quantity.getAmountInBytes(q), BigDecimal::add));
    }
    Map<String, Quantity> result = new LinkedHashMap<>();
    totals.forEach((name, amount) -> result.put(name, Quantity.fromNumericalAmount(amount, null)));
    return result;
  }

  private static List<NodeCondition> worstConditions(Map<String, NodeProfile> byProvider) {
    Map<String, NodeCondition> worst = new LinkedHashMap<>();
    byProvider.forEach(
        (provider, profile) -> {
          for (NodeCondition condition : profile.conditions()) {
            NodeCondition named = naming(provider, condition);
            worst.merge(
                condition.getType(),
                named,
                (a, b) ->
                    severity(b) > severity(a) ? b : severity(b) == severity(a) ? both(a, b) : a);
          }
        });
    return new ArrayList<>(worst.values());
  }

  /** 2 for a failing condition, 1 for Unknown, 0 for a healthy one. */
  private static int severity(NodeCondition condition) {
    String status = condition.getStatus();
    if ("Unknown".equals(status)) {
      return 1;
    }
    boolean healthyIfTrue = HEALTHY_IF_TRUE.contains(condition.getType());
    return "True".equals(status) == healthyIfTrue ? 0 : 2;
  }

  private static NodeCondition naming(String provider, NodeCondition condition) {
    String message = condition.getMessage() == null ? "" : condition.getMessage();
    return new NodeConditionBuilder(condition)
        .withMessage("provider " + provider + ": " + message)
        .build();
  }

  private static NodeCondition both(NodeCondition a, NodeCondition b) {
    return new NodeConditionBuilder(a).withMessage(a.getMessage() + "; " + b.getMessage()).build();
  }
}
