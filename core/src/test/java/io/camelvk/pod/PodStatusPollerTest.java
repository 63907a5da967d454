package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import io.camelvk.test.TestProviders;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import java.util.Set;
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
        "mock",
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

    assertThat(new PodStatusPoller(tracker, queue, providers(true)).enqueueTracked()).isZero();
    assertThat(queue.depth()).isZero();
    assertThat(new PodStatusPoller(tracker, queue, providers(false)).enqueueTracked()).isEqualTo(1);
    assertThat(queue.depth()).isEqualTo(1);
  }

  /** The mock's handle, declaring that it notifies or not. */
  private static Providers providers(boolean notifies) {
    ProviderCapabilities capabilities =
        new ProviderCapabilities(
            notifies ? Set.of(ProviderCapability.NOTIFIES) : Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return TestProviders.of(new ProviderHandle("mock", null, capabilities, true));
  }
}
