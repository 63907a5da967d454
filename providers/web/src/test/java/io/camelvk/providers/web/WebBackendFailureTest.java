package io.camelvk.providers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A backend that fails or is down: one-line errors, the circuit breaker, the node NotReady. */
class WebBackendFailureTest extends WebProviderTestBase {

  @Test
  void aFailingBackendFailsTheCallInOneLineAndMakesTheNodeNotReadyKeepingItsCapacity()
      throws Exception {
    start(List.of("--pods", "2000"), Map.of());
    Pod pod = pod("failing");
    client().create(pod, PodVolumes.NONE);
    client().node("web-node");

    backend.failWith(503);

    assertThatThrownBy(() -> client().status(pod))
        .hasMessageStartingWith(
            "web backend " + backend.url() + " unavailable: answered 503 to GET /getPod")
        .hasMessageNotContaining("\n");
    NodeProfile down = client().node("web-node");
    assertThat(down.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("BackendUnavailable");
              assertThat(c.getMessage()).contains(backend.url());
            });
    assertThat(down.capacity()).containsEntry("pods", new Quantity("2000"));
  }

  @Test
  void theCircuitBreakerStopsCallingABackendThatFailsAndTriesAgainLater() throws Exception {
    start(List.of(), Map.of());
    Pod pod = pod("breaker");
    client().create(pod, PodVolumes.NONE);
    backend.failWith(500);
    int before = total(backend.requests());

    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> client().status(pod)).isInstanceOf(IllegalStateException.class);
    }

    assertThat(total(backend.requests()) - before).isLessThan(10);
    assertThatThrownBy(() -> client().status(pod)).hasMessageContaining("circuit breaker open");
    backend.failWith(0);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> client().status(pod).isPresent());
  }

  @Test
  void aBackendThatIsDownMakesTheNodeNotReady() throws Exception {
    start(List.of(), Map.of());
    backend.close();

    NodeProfile down = client().node("web-node");

    assertThat(down.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getMessage())
                  .startsWith("web backend http://127.0.0.1:")
                  .contains("Connection refused");
            });
    assertThat(down.capacity()).isEqualTo(NodeProfile.DEFAULT.capacity());
    backend = null;
  }
}
