package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * A pod's ephemeral containers (kubectl debug) as the containers the mock runs: what they run and
 * how they are attached to; never restarted, as the kubelet never restarts them.
 */
final class EphemeralAsContainers {

  private EphemeralAsContainers() {}

  static List<Container> of(Pod pod) {
    return pod.getSpec().getEphemeralContainers().stream()
        .map(EphemeralAsContainers::container)
        .toList();
  }

  static boolean isEphemeral(Pod pod, String name) {
    return pod.getSpec().getEphemeralContainers().stream().anyMatch(e -> e.getName().equals(name));
  }

  private static Container container(EphemeralContainer e) {
    return new ContainerBuilder()
        .withName(e.getName())
        .withImage(e.getImage())
        .withCommand(e.getCommand())
        .withArgs(e.getArgs())
        .withEnv(e.getEnv())
        .withWorkingDir(e.getWorkingDir())
        .withStdin(e.getStdin())
        .withStdinOnce(e.getStdinOnce())
        .withTty(e.getTty())
        .withVolumeMounts(e.getVolumeMounts())
        .build();
  }
}
