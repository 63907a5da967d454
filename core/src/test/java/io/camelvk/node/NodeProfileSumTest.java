package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeProfileSumTest {

  @Test
  void theAddressesAreEveryProvidersInTheirOrderEachOnce() {
    NodeAddress shared = new NodeAddress("10.0.0.9", "ExternalIP");
    NodeAddress onlyB = new NodeAddress("b.example.com", "ExternalDNS");

    NodeProfile sum =
        NodeProfileSum.of(byName(withAddresses(shared), withAddresses(shared, onlyB)));

    assertThat(sum.addresses()).containsExactly(shared, onlyB);
  }

  @Test
  void theTaintsAreEveryProvidersOnceByKeyAndEffectTheFirstProvidersValueWinning() {
    Taint gpu = new Taint("NoSchedule", "gpu", null, "a100");
    Taint drain = new Taint("NoExecute", "drain", null, "");
    Taint otherGpu = new Taint("NoSchedule", "gpu", null, "h100");
    Taint gpuPreferred = new Taint("PreferNoSchedule", "gpu", null, "h100");

    NodeProfile sum =
        NodeProfileSum.of(byName(withTaints(gpu, drain), withTaints(otherGpu, gpuPreferred)));

    assertThat(sum.taints()).containsExactly(gpu, drain, gpuPreferred);
  }

  @Test
  void oneProvidersProfileIsTheNodesAsItIs() {
    NodeProfile only = profile(Map.of("cpu", "4"), Map.of(), List.of(ready("False", "down")));
    assertThat(NodeProfileSum.of(Map.of("a", only))).isSameAs(only);
  }

  @Test
  void capacityAndAllocatableAreTheSumsOfTheProviders() {
    NodeProfile sum =
        NodeProfileSum.of(
            byName(
                profile(Map.of("cpu", "4", "memory", "8Gi"), Map.of(), List.of()),
                profile(
                    Map.of("cpu", "250m", "memory", "1Gi", "nvidia.com/gpu", "2"),
                    Map.of("cpu", "200m"),
                    List.of())));

    assertThat(amounts(sum.capacity()))
        .isEqualTo(
            Map.of(
                "cpu", new BigDecimal("4.25"),
                "memory", new BigDecimal(9L * 1024 * 1024 * 1024),
                "nvidia.com/gpu", new BigDecimal(2)));
    // a's allocatable is its capacity; b's is what it said.
    assertThat(amounts(sum.allocatable()))
        .isEqualTo(
            Map.of(
                "cpu", new BigDecimal("4.2"), "memory", new BigDecimal(8L * 1024 * 1024 * 1024)));
    assertThat(sum.operatingSystemImage()).isEqualTo("camel-virtual-kubelet (a, b)");
  }

  @Test
  void eachConditionIsTheWorstAnyProviderReportsNamingIt() {
    NodeProfile sum =
        NodeProfileSum.of(
            byName(
                profile(
                    Map.of(),
                    Map.of(),
                    List.of(ready("True", "fine"), condition("MemoryPressure", "True", "full"))),
                profile(
                    Map.of(),
                    Map.of(),
                    List.of(
                        ready("Unknown", "no answer"),
                        condition("MemoryPressure", "False", "plenty")))));

    assertThat(sum.conditions())
        .extracting(NodeCondition::getType, NodeCondition::getStatus, NodeCondition::getMessage)
        .containsExactly(
            tuple("Ready", "Unknown", "provider b: no answer"),
            tuple("MemoryPressure", "True", "provider a: full"));
  }

  @Test
  void aFailingConditionIsWorseThanAnUnknownOne() {
    NodeProfile sum =
        NodeProfileSum.of(
            byName(
                profile(Map.of(), Map.of(), List.of(ready("False", "backend down"))),
                profile(Map.of(), Map.of(), List.of(ready("Unknown", "no answer")))));

    assertThat(sum.conditions())
        .extracting(NodeCondition::getStatus, NodeCondition::getMessage)
        .containsExactly(tuple("False", "provider a: backend down"));
  }

  @Test
  void conditionsOfEqualSeverityAreJoined() {
    NodeProfile sum =
        NodeProfileSum.of(
            byName(
                profile(Map.of(), Map.of(), List.of(ready("True", "fine"))),
                profile(Map.of(), Map.of(), List.of(ready("True", "also fine")))));

    assertThat(sum.conditions())
        .extracting(NodeCondition::getStatus, NodeCondition::getMessage)
        .containsExactly(tuple("True", "provider a: fine; provider b: also fine"));
  }

  /** The profiles as providers a and b, in this order. */
  private static Map<String, NodeProfile> byName(NodeProfile a, NodeProfile b) {
    Map<String, NodeProfile> profiles = new LinkedHashMap<>();
    profiles.put("a", a);
    profiles.put("b", b);
    return profiles;
  }

  private static NodeProfile profile(
      Map<String, String> capacity,
      Map<String, String> allocatable,
      List<NodeCondition> conditions) {
    return new NodeProfile(quantities(capacity), quantities(allocatable), conditions, "test");
  }

  private static NodeProfile withAddresses(NodeAddress... addresses) {
    return new NodeProfile(
        Map.of(), Map.of(), List.of(), "test", java.util.Set.of(), List.of(addresses));
  }

  private static NodeProfile withTaints(Taint... taints) {
    return new NodeProfile(
        Map.of(), Map.of(), List.of(), "test", java.util.Set.of(), List.of(), List.of(taints));
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    Map<String, Quantity> result = new LinkedHashMap<>();
    values.forEach((name, amount) -> result.put(name, new Quantity(amount)));
    return result;
  }

  private static Map<String, BigDecimal> amounts(Map<String, Quantity> quantities) {
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    quantities.forEach(
        (name, q) -> result.put(name, Quantity.getAmountInBytes(q).stripTrailingZeros()));
    return result;
  }

  private static NodeCondition ready(String status, String message) {
    return condition("Ready", status, message);
  }

  private static NodeCondition condition(String type, String status, String message) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withMessage(message)
        .build();
  }
}
