package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodStatusPollerTest {

  private final PodTracker tracker = new PodTracker();
  private final PodWorkQueue queue = new PodWorkQueue();

  @AfterEach
  void stop() {
    queue.shutDown();
  }

  @Test
  void pollsTrackedPodsOnlyForProvidersThatDoNotNotify() {
    tracker.running(
        new PodKey("ns", "a"),
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("a")
            .withUid("u")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withImage("i")
            .endContainer()
            .endSpec()
            .build());

    assertThat(new PodStatusPoller(tracker, queue, true).enqueueTracked()).isZero();
    assertThat(queue.depth()).isZero();
    assertThat(new PodStatusPoller(tracker, queue, false).enqueueTracked()).isEqualTo(1);
    assertThat(queue.depth()).isEqualTo(1);
  }
}
