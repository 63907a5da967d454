package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Arrays;
import java.util.Map;

/** Pods for the mapping's tests. */
final class TestPods {

  private TestPods() {}

  static Pod pod(Container... containers) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName("web")
        .withUid("2f1c7a52-8d1e-4b7a-9a52-0c6f1d3e9b11")
        .endMetadata()
        .withNewSpec()
        .withContainers(Arrays.asList(containers))
        .endSpec()
        .build();
  }

  static Container container(String name) {
    return new ContainerBuilder().withName(name).withImage("busybox:1.37").build();
  }

  /** A container with requests and limits ({@code null} for none): cpu, memory each. */
  static Container container(
      String name, String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    return new ContainerBuilder(container(name))
        .withResources(
            new ResourceRequirementsBuilder()
                .withRequests(amounts(cpuRequest, memoryRequest))
                .withLimits(amounts(cpuLimit, memoryLimit))
                .build())
        .build();
  }

  static Container sidecar(Container container) {
    return new ContainerBuilder(container).withRestartPolicy("Always").build();
  }

  static Pod withInit(Pod pod, Container... initContainers) {
    return new PodBuilder(pod)
        .editSpec()
        .withInitContainers(Arrays.asList(initContainers))
        .endSpec()
        .build();
  }

  private static Map<String, Quantity> amounts(String cpu, String memory) {
    Map<String, Quantity> amounts = new java.util.TreeMap<>();
    if (cpu != null) {
      amounts.put("cpu", new Quantity(cpu));
    }
    if (memory != null) {
      amounts.put("memory", new Quantity(memory));
    }
    return amounts;
  }
}
