package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;

/**
 * The order in which a task's containers start, as the kubelet starts a pod's: each init container
 * once the one before it has exited 0 (or, for a sidecar before it, has started), and the regular
 * containers once every init container has exited 0 and every sidecar has started. ECS expresses
 * that with {@code dependsOn}: {@code SUCCESS} on an init container, {@code START} on a sidecar.
 */
final class TaskContainers {

  private static final String ALWAYS = "Always";

  private TaskContainers() {}

  /** An init container with {@code restartPolicy: Always}: it runs beside the regular ones. */
  static boolean isSidecar(Container container) {
    return ALWAYS.equals(container.getRestartPolicy());
  }

  /**
   * What a container reserves in the task: its requests, except for an init container that ends
   * before the regular ones start. ECS reserves what each container definition states for the whole
   * task at once, where the kubelet counts an init container's request only while it runs; so an
   * init container reserves nothing (it gets the task's CPU and memory, and its memory limit).
   */
  static ContainerResources reservation(Container container, boolean init) {
    return init && !isSidecar(container)
        ? ContainerResources.NONE
        : ContainerResources.requested(container);
  }

  /** The init containers, then the regular ones: the order of the task's container definitions. */
  static List<Container> all(Pod pod) {
    List<Container> all = new ArrayList<>(pod.getSpec().getInitContainers());
    all.addAll(pod.getSpec().getContainers());
    return all;
  }

  /** What the init container at {@code index} waits for: the init container before it. */
  static List<ContainerDependency> initDependencies(List<Container> initContainers, int index) {
    return index == 0 ? List.of() : List.of(dependency(initContainers.get(index - 1)));
  }

  /** What a regular container waits for: every init container. */
  static List<ContainerDependency> regularDependencies(List<Container> initContainers) {
    return initContainers.stream().map(TaskContainers::dependency).toList();
  }

  private static ContainerDependency dependency(Container before) {
    return ContainerDependency.builder()
        .containerName(before.getName())
        .condition(isSidecar(before) ? ContainerCondition.START : ContainerCondition.SUCCESS)
        .build();
  }
}
