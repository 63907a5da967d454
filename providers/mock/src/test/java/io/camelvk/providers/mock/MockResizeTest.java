package io.camelvk.providers.mock;

import static io.camelvk.providers.mock.MockFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In-place resizes: the container keeps running and reports its new resources. */
class MockResizeTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MockProvider provider =
      new MockProvider(MockProviderConfig.defaults(), clock, scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aResizeAppliesAtOnceWithoutARestart() {
    Pod pod = sized(pod("web", Map.of(), "Always"), "100m");
    provider.createPod(pod);
    clock.advance(Duration.ofSeconds(10));

    provider.updatePod(sized(pod, "150m"));

    ContainerStatus app = app();
    assertThat(app.getResources()).isEqualTo(cpu("150m"));
    assertThat(app.getRestartCount()).isZero();
    assertThat(app.getState().getRunning().getStartedAt()).isEqualTo("2026-11-25T10:00:00Z");
  }

  @Test
  void aResizeTakesTheResizeDurationDuringWhichTheOldResourcesAreReportedAndIsNotifiedWhenDone() {
    provider.onPodStatusChange((namespace, name) -> {});
    Pod pod = sized(pod("web", Map.of(PodBehaviour.RESIZE_DURATION, "5s"), "Always"), "100m");
    provider.createPod(pod);
    clock.advance(Duration.ofSeconds(10));

    provider.updatePod(sized(pod, "150m"));

    assertThat(app().getResources()).isEqualTo(cpu("100m"));
    assertThat(scheduler.getQueue())
        .singleElement()
        .satisfies(
            task ->
                assertThat(((ScheduledFuture<?>) task).getDelay(TimeUnit.MILLISECONDS))
                    .isBetween(4_000L, 5_001L));
    clock.advance(Duration.ofSeconds(3));
    provider.updatePod(sized(pod, "150m"));
    clock.advance(Duration.ofMillis(1_999));
    assertThat(app().getResources()).isEqualTo(cpu("100m"));
    clock.advance(Duration.ofMillis(1));
    assertThat(app().getResources()).isEqualTo(cpu("150m"));
    assertThat(app().getRestartCount()).isZero();
  }

  @Test
  void aSecondResizeDuringTheFirstStartsFromWhatTheContainerReportsThen() {
    Pod pod = sized(pod("web", Map.of(PodBehaviour.RESIZE_DURATION, "5s"), "Always"), "100m");
    provider.createPod(pod);

    provider.updatePod(sized(pod, "150m"));
    clock.advance(Duration.ofSeconds(2));
    provider.updatePod(sized(pod, "200m"));

    clock.advance(Duration.ofSeconds(4));
    assertThat(app().getResources()).isEqualTo(cpu("100m"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(app().getResources()).isEqualTo(cpu("200m"));
  }

  private ContainerStatus app() {
    return provider.podStatus("ns", "web").orElseThrow().getContainerStatuses().getFirst();
  }

  private static Pod sized(Pod pod, String cpu) {
    return new PodBuilder(pod)
        .editSpec()
        .editFirstContainer()
        .withResources(cpu(cpu))
        .endContainer()
        .endSpec()
        .build();
  }

  private static ResourceRequirements cpu(String cpu) {
    return new ResourceRequirementsBuilder().withRequests(Map.of("cpu", new Quantity(cpu))).build();
  }
}
