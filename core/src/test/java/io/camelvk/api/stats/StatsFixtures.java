package io.camelvk.api.stats;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;

/** Pods as the informer cache holds them, with the status fields the stats read. */
final class StatsFixtures {

  private StatsFixtures() {}

  static Pod runningPod(String namespace, String name, String phase, Instant start) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + name)
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .withStartTime(start.toString())
        .addNewContainerStatus()
        .withName("app")
        .withNewState()
        .withNewRunning()
        .withStartedAt(start.plusSeconds(1).toString())
        .endRunning()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }
}
