package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The CPU (millicores) and memory (MiB) a pod's task must hold: the kubelet's effective request
 * (component-helpers' {@code PodRequests}: the regular containers and sidecars together, or an init
 * container with the sidecars declared before it when that is more), each container counting its
 * limit where it has one, else its request, since a Fargate task's size is a hard limit. Pod-level
 * resources ({@code spec.resources}), where set, stand for the containers' as they do for the
 * kubelet. The pod overhead is left out: Fargate's runtime is not billed to the task.
 */
public record PodNeeds(long cpuMillis, long memoryMiB) {

  /** A pod that states nothing. */
  public static final PodNeeds NOTHING = new PodNeeds(0, 0);

  public static PodNeeds of(Pod pod) {
    ContainerResources podLevel = ContainerResources.limitOrRequest(pod.getSpec().getResources());
    ContainerResources needs = podLevel.orElse(effective(pod)).max(reserved(pod));
    return new PodNeeds(needs.cpuMillis(), needs.memoryMiB());
  }

  private static ContainerResources effective(Pod pod) {
    ContainerResources running = ContainerResources.NONE;
    for (Container container : pod.getSpec().getContainers()) {
      running = running.plus(ContainerResources.limitOrRequest(container.getResources()));
    }
    ContainerResources sidecars = ContainerResources.NONE;
    ContainerResources largestInit = ContainerResources.NONE;
    for (Container init : pod.getSpec().getInitContainers()) {
      ContainerResources own = ContainerResources.limitOrRequest(init.getResources());
      if (TaskContainers.isSidecar(init)) {
        running = running.plus(own);
        sidecars = sidecars.plus(own);
      } else {
        largestInit = largestInit.max(own.plus(sidecars));
      }
    }
    return running.max(largestInit);
  }

  /**
   * What the container definitions reserve together ({@code cpu}, {@code memoryReservation}), which
   * ECS refuses to exceed the task's size: no more than the effective request, but pod-level
   * resources rounded to whole MiB could be a little less.
   */
  private static ContainerResources reserved(Pod pod) {
    ContainerResources sum = ContainerResources.NONE;
    for (Container container : pod.getSpec().getContainers()) {
      sum = sum.plus(TaskContainers.reservation(container, false));
    }
    for (Container init : pod.getSpec().getInitContainers()) {
      sum = sum.plus(TaskContainers.reservation(init, true));
    }
    return sum;
  }
}
