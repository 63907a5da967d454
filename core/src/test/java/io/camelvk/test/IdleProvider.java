package io.camelvk.test;

import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Optional;

/**
 * A provider whose pod lifecycle does nothing and knows no pods, for tests about one capability
 * (exec, port-forward, a timeout) that extend it and override only what they exercise.
 */
public abstract class IdleProvider implements Provider {

  @Override
  public void createPod(Pod pod) {}

  @Override
  public void updatePod(Pod pod) {}

  @Override
  public void deletePod(Pod pod) {}

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    return Optional.empty();
  }

  @Override
  public List<Pod> pods() {
    return List.of();
  }
}
