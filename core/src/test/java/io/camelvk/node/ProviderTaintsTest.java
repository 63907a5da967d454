package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderTaintsTest {

  private static final Taint CORE =
      new Taint("NoSchedule", "virtual-kubelet.io/provider", null, "mock");
  private static final Taint NOT_READY =
      new Taint("NoExecute", "node.kubernetes.io/not-ready", "2026-12-07T22:00:00Z", null);
  private static final Taint GPU = new Taint("NoSchedule", "example.com/gpu", null, "a100");
  private static final Taint DRAIN = new Taint("NoExecute", "example.com/drain", null, null);

  private final ProviderTaints taints =
      new ProviderTaints(key -> key.equals("virtual-kubelet.io/provider"));

  @Test
  void aReportedTaintIsAddedBesideTheOthersAndRecordedAsTheProviders() {
    Map<String, Object> patch =
        taints.patch(node(null, CORE, NOT_READY), List.of(GPU)).orElseThrow();

    assertThat(taintsOf(patch)).containsExactly(CORE, NOT_READY, GPU);
    assertThat(annotation(patch)).isEqualTo("example.com/gpu:NoSchedule");
    assertThat(metadata(patch)).containsEntry("resourceVersion", "7");
  }

  @Test
  void nothingIsWrittenWhileTheNodeHasWhatIsReported() {
    Taint sameWithoutValue = new Taint("NoExecute", "example.com/drain", null, "");
    Node node =
        node("example.com/gpu:NoSchedule,example.com/drain:NoExecute", GPU, CORE, DRAIN, NOT_READY);

    assertThat(taints.patch(node, List.of(sameWithoutValue, GPU))).isEmpty();
  }

  @Test
  void aTaintNoLongerReportedIsRemovedAndTheOthersKept() {
    Node node =
        node("example.com/gpu:NoSchedule,example.com/drain:NoExecute", CORE, GPU, NOT_READY, DRAIN);

    Map<String, Object> patch = taints.patch(node, List.of(DRAIN)).orElseThrow();

    assertThat(taintsOf(patch)).containsExactly(CORE, NOT_READY, DRAIN);
    assertThat(annotation(patch)).isEqualTo("example.com/drain:NoExecute");
  }

  @Test
  void whenNoneIsReportedAnyMoreTheRecordGoesTooAsANullInTheMergePatch() {
    Node node = node("example.com/gpu:NoSchedule", CORE, GPU);

    Map<String, Object> patch = taints.patch(node, List.of()).orElseThrow();

    assertThat(taintsOf(patch)).containsExactly(CORE);
    assertThat(Serialization.asJson(patch)).contains("\"virtual-kubelet.io/provider-taints\":null");
    assertThat(taints.patch(node(null, CORE), List.of())).isEmpty();
  }

  @Test
  void aNewValueReplacesTheTaintInItsPlace() {
    Taint h100 = new Taint("NoSchedule", "example.com/gpu", null, "h100");
    Node node = node("example.com/gpu:NoSchedule", GPU, CORE);

    assertThat(taintsOf(taints.patch(node, List.of(h100)).orElseThrow()))
        .containsExactly(h100, CORE);
  }

  @Test
  void aForeignTaintOfTheSameKeyAndEffectBecomesTheProvidersOnceReported() {
    Node node = node(null, CORE, new Taint("NoSchedule", "example.com/gpu", null, "set-by-hand"));

    Map<String, Object> patch = taints.patch(node, List.of(GPU)).orElseThrow();

    assertThat(taintsOf(patch)).containsExactly(CORE, GPU);
    assertThat(annotation(patch)).isEqualTo("example.com/gpu:NoSchedule");
  }

  @Test
  void theCoresKeyTheLifecycleControllersKeysAndASecondOfAKeyAndEffectAreNotApplied() {
    Taint coreKey = new Taint("NoExecute", "virtual-kubelet.io/provider", null, "x");
    Taint unreachable = new Taint("NoSchedule", "node.kubernetes.io/unreachable", null, null);
    Taint secondGpu = new Taint("NoSchedule", "example.com/gpu", null, "h100");

    Map<String, Object> patch =
        taints.patch(node(null, CORE), List.of(coreKey, unreachable, GPU, secondGpu)).orElseThrow();

    assertThat(taintsOf(patch)).containsExactly(CORE, GPU);
    assertThat(annotation(patch)).isEqualTo("example.com/gpu:NoSchedule");
  }

  private static Node node(String recorded, Taint... taints) {
    NodeBuilder node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("vk")
            .withResourceVersion("7")
            .endMetadata()
            .withNewSpec()
            .withTaints(taints)
            .endSpec();
    Optional.ofNullable(recorded)
        .ifPresent(
            value ->
                node.editMetadata()
                    .addToAnnotations(ProviderTaints.ANNOTATION, value)
                    .endMetadata());
    return node.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> patch) {
    return (Map<String, Object>) patch.get("metadata");
  }

  @SuppressWarnings("unchecked")
  private static String annotation(Map<String, Object> patch) {
    return ((Map<String, String>) metadata(patch).get("annotations"))
        .get(ProviderTaints.ANNOTATION);
  }

  @SuppressWarnings("unchecked")
  private static List<Taint> taintsOf(Map<String, Object> patch) {
    return (List<Taint>) ((Map<String, Object>) patch.get("spec")).get("taints");
  }
}
