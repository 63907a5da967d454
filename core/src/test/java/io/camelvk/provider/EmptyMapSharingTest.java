package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmptyMapSharingTest {

  private static Pod pod() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .addToLabels("app", "a")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withNewResources()
            .addToRequests("cpu", new Quantity("100m"))
            .endResources()
            .endContainer()
            .endSpec()
            .build();
    pod.getSpec().getContainers().get(0).setAdditionalProperty("x-extra", "kept");
    return pod;
  }

  @Test
  void sharesEveryEmptyMapDownTheTreeAndKeepsTheOthers() {
    Pod pod = EmptyMapSharing.apply(pod());

    assertThat(pod.getAdditionalProperties()).isSameAs(Map.of());
    assertThat(pod.getMetadata().getAdditionalProperties()).isSameAs(Map.of());
    assertThat(pod.getSpec().getContainers().get(0).getResources().getAdditionalProperties())
        .isSameAs(Map.of());
    assertThat(
            pod.getSpec()
                .getContainers()
                .get(0)
                .getResources()
                .getRequests()
                .get("cpu")
                .getAdditionalProperties())
        .isSameAs(Map.of());
    assertThat(pod.getSpec().getContainers().get(0).getAdditionalProperties())
        .containsEntry("x-extra", "kept");
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "a");
  }

  @Test
  void leavesTheObjectEqualAndItsCopiesWritable() {
    Pod shared = EmptyMapSharing.apply(pod());

    assertThat(shared).isEqualTo(pod()).hasSameHashCodeAs(pod());
    Pod copy = new PodBuilder(shared).build();
    copy.getSpec().setAdditionalProperty("y", 1);
    assertThat(copy.getSpec().getAdditionalProperties()).containsEntry("y", 1);
  }
}
