package io.camelvk.provider.tempmock;

import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.api.model.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/** TEMPORARY stand-in for the mock provider. */
public final class TempMock implements Provider {
  private final Map<String, Pod> pods = new ConcurrentHashMap<>();

  public String name() {
    return "mock";
  }

  public void createPod(Pod pod) {
    pods.put(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), pod);
  }

  public void updatePod(Pod pod) {
    createPod(pod);
  }

  public void deletePod(Pod pod) {
    pods.remove(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
  }

  public Optional<PodStatus> podStatus(String ns, String name) {
    Pod p = pods.get(ns + "/" + name);
    if (p == null) return Optional.empty();
    List<ContainerStatus> cs =
        p.getSpec().getContainers().stream()
            .map(
                c ->
                    new ContainerStatusBuilder()
                        .withName(c.getName())
                        .withImage(c.getImage())
                        .withReady(true)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewRunning()
                        .withStartedAt("2026-11-25T00:00:00Z")
                        .endRunning()
                        .endState()
                        .build())
            .toList();
    return Optional.of(
        new PodStatusBuilder().withContainerStatuses(cs).withPodIP("10.1.0.1").build());
  }

  public List<Pod> pods() {
    return List.copyOf(pods.values());
  }
}
