package io.camelvk.providers.aws;

import io.camelvk.provider.PodIdentity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The ECS task of each pod this process runs, by pod UID, and the status last reported for it: the
 * poll loop reports a status only when it changed.
 */
final class TaskLedger {

  /**
   * @param pod the pod, reduced to what its status is made from: its identity and its containers'
   *     names, images and restart policies
   */
  record Tracked(Pod pod, String taskArn) {

    Tracked {
      pod = skeleton(pod);
    }

    String namespace() {
      return pod.getMetadata().getNamespace();
    }

    String name() {
      return pod.getMetadata().getName();
    }

    String uid() {
      return pod.getMetadata().getUid();
    }

    boolean has(String container) {
      return Stream.concat(
              pod.getSpec().getContainers().stream(), pod.getSpec().getInitContainers().stream())
          .anyMatch(c -> c.getName().equals(container));
    }

    private static Pod skeleton(Pod pod) {
      Pod skeleton = PodIdentity.of(pod);
      skeleton.setSpec(
          new PodSpecBuilder()
              .withRestartPolicy(pod.getSpec().getRestartPolicy())
              .withContainers(reduced(pod.getSpec().getContainers()))
              .withInitContainers(reduced(pod.getSpec().getInitContainers()))
              .build());
      return skeleton;
    }

    private static List<Container> reduced(List<Container> containers) {
      return containers.stream()
          .map(
              c ->
                  new ContainerBuilder()
                      .withName(c.getName())
                      .withImage(c.getImage())
                      .withRestartPolicy(c.getRestartPolicy())
                      .build())
          .toList();
    }
  }

  private final Map<String, Tracked> byUid = new ConcurrentHashMap<>();
  private final Map<String, PodStatus> reported = new ConcurrentHashMap<>();

  void track(Tracked task) {
    byUid.put(task.uid(), task);
  }

  Optional<Tracked> of(String uid) {
    return Optional.ofNullable(byUid.get(uid));
  }

  /** The pod of this name (a logs request names a pod, not its UID). */
  Optional<Tracked> named(String namespace, String name) {
    return byUid.values().stream()
        .filter(t -> t.namespace().equals(namespace) && t.name().equals(name))
        .findFirst();
  }

  Collection<Tracked> all() {
    return List.copyOf(byUid.values());
  }

  /** The pod is gone: nothing of it is kept. */
  void forget(String uid) {
    byUid.remove(uid);
    reported.remove(uid);
  }

  /** Records the status; whether it differs from the one reported before. */
  boolean changed(String uid, PodStatus status) {
    return !Objects.equals(reported.put(uid, status), status);
  }

  /** Whether the pod's task has ended (its status says Succeeded or Failed) or is not tracked. */
  boolean ended(String uid) {
    if (!byUid.containsKey(uid)) {
      return true;
    }
    PodStatus last = reported.get(uid);
    return last != null
        && ("Succeeded".equals(last.getPhase()) || "Failed".equals(last.getPhase()));
  }

  int size() {
    return byUid.size();
  }
}
