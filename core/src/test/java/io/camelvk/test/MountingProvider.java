package io.camelvk.test;

import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.VolumeMounts;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A provider that takes volumes and writes down each lifecycle call and the volumes it got with it;
 * its pods run, and it notifies, so that its pods are not polled.
 */
public final class MountingProvider extends IdleProvider
    implements VolumeMounts, PodStatusNotifier {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<PodVolumes> volumes = new CopyOnWriteArrayList<>();
  private volatile PodStatus status = new PodStatus();

  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The volumes given, in order. */
  public List<PodVolumes> volumes() {
    return List.copyOf(volumes);
  }

  @Override
  public void mountVolumes(Pod pod, PodVolumes given) {
    calls.add("mount " + pod.getMetadata().getName());
    volumes.add(given);
  }

  @Override
  public void createPod(Pod pod) {
    calls.add("create " + pod.getMetadata().getName());
  }

  @Override
  public void updatePod(Pod pod) {
    calls.add("update " + pod.getMetadata().getName());
  }

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    return Optional.of(status);
  }

  @Override
  public void onPodStatusChange(BiConsumer<String, String> listener) {}
}
