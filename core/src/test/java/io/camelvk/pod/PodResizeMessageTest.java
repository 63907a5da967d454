package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubelet's own cases (pkg/kubelet/events/resize_test.go), message for message. */
class PodResizeMessageTest {

  @Test
  void aRunningContainerIsItsNameAndResourcesWithTheGeneration() {
    Pod pod = pod(List.of(), List.of(container("c0", "100m", "100m", "100", "100")));

    assertThat(PodResizeMessage.of("Pod resize completed", pod, PodAllocation.of(pod), 1, null))
        .isEqualTo(
            "Pod resize completed: {\"containers\":[{\"name\":\"c0\",\"resources\":{\"limits\":"
                + "{\"cpu\":\"100m\",\"memory\":\"100\"},\"requests\":{\"cpu\":\"100m\","
                + "\"memory\":\"100\"}}}],\"generation\":1}");
  }

  @Test
  void initContainersComeFirstAndEmptyResourcesAreLeftOut() {
    Pod pod =
        pod(
            List.of(container("c0", "100m", "200m", null, null)),
            List.of(
                container("c1", null, null, "100", "200"),
                container("c2", "200m", null, "100", null)));

    assertThat(
            PodResizeMessage.of(
                "Pod resize Infeasible",
                pod,
                PodAllocation.of(pod),
                2,
                "In-place resize of containers with swap is not supported"))
        .isEqualTo(
            "Pod resize Infeasible: {\"initContainers\":[{\"name\":\"c0\",\"resources\":"
                + "{\"limits\":{\"cpu\":\"200m\"},\"requests\":{\"cpu\":\"100m\"}}}],"
                + "\"containers\":[{\"name\":\"c1\",\"resources\":{\"limits\":{\"memory\":\"200\"},"
                + "\"requests\":{\"memory\":\"100\"}}},{\"name\":\"c2\",\"resources\":"
                + "{\"requests\":{\"cpu\":\"200m\",\"memory\":\"100\"}}}],\"generation\":2,"
                + "\"error\":\"In-place resize of containers with swap is not supported\"}");
  }

  @Test
  void aBestEffortContainerHasEmptyResources() {
    Pod pod = pod(List.of(), List.of(container("c0", null, null, null, null)));

    assertThat(PodResizeMessage.of("Pod resize completed", pod, PodAllocation.of(pod), 3, null))
        .isEqualTo(
            "Pod resize completed: {\"containers\":[{\"name\":\"c0\",\"resources\":{}}],"
                + "\"generation\":3}");
  }

  @Test
  void theResourcesAreTheGivenAllocationAndTheErrorIsEscapedAsGoDoes() {
    Pod before = pod(List.of(), List.of(container("c0", "50m", null, null, null)));
    Pod after = pod(List.of(), List.of(container("c0", "100m", null, null, null)));

    assertThat(
            PodResizeMessage.of(
                "Pod resize error", after, PodAllocation.of(before), 4, "cpu <0 & \"quoted\">"))
        .isEqualTo(
            "Pod resize error: {\"containers\":[{\"name\":\"c0\",\"resources\":{\"requests\":"
                + "{\"cpu\":\"50m\"}}}],\"generation\":4,"
                + "\"error\":\"cpu \\u003c0 \\u0026 \\\"quoted\\\"\\u003e\"}");
  }

  private static Pod pod(List<Container> init, List<Container> containers) {
    return new PodBuilder(TestPods.named("ns", "test-pod", "12345").build())
        .editSpec()
        .withInitContainers(init)
        .withContainers(containers)
        .endSpec()
        .build();
  }

  private static Container container(
      String name, String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    put(requests, "memory", memoryRequest);
    put(requests, "cpu", cpuRequest);
    put(limits, "memory", memoryLimit);
    put(limits, "cpu", cpuLimit);
    return new ContainerBuilder()
        .withName(name)
        .withImage("busybox")
        .withNewResources()
        .withRequests(requests)
        .withLimits(limits)
        .endResources()
        .build();
  }

  private static void put(Map<String, Quantity> quantities, String name, String value) {
    if (value != null) {
      quantities.put(name, new Quantity(value));
    }
  }
}
