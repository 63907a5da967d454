package io.camelvk.providers.mock;

import static io.camelvk.providers.mock.MockFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockProbesTest {

  private final MutableClock clock = new MutableClock(MockFixture.START);
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MockProvider provider =
      new MockProvider(MockProviderConfig.defaults(), clock, scheduler);

  @AfterEach
  void stop() {
    provider.close();
    scheduler.shutdownNow();
  }

  @Test
  void aReadinessProbeMakesTheContainerReadyAtItsFirstRunAfterTheInitialDelay() {
    provider.onPodStatusChange((ns, name) -> {});
    provider.createPod(withProbes("web", Map.of(), probe(2, 5), null, null));

    assertThat(app("web").getState().getRunning()).isNotNull();
    assertThat(app("web").getReady()).isFalse();
    assertThat(app("web").getStarted()).isTrue();
    assertThat(notificationDelayMillis()).isBetween(1_000L, 2_001L);
    clock.advance(Duration.ofMillis(1999));
    assertThat(app("web").getReady()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(app("web").getReady()).isTrue();
  }

  @Test
  void theReadinessFailsAnnotationKeepsANamedContainerRunningButNotReady() {
    provider.createPod(
        withProbes("sick", Map.of(PodBehaviour.READINESS_FAILS, "app"), probe(0, 1), null, null));

    clock.advance(Duration.ofMinutes(5));

    assertThat(app("sick").getState().getRunning()).isNotNull();
    assertThat(app("sick").getReady()).isFalse();
  }

  @Test
  void aFailingReadinessProbeIsReportedWithTheKubeletsMessageFromItsFirstRun() {
    provider.onPodStatusChange((ns, name) -> {});
    provider.createPod(
        withProbes("sick", Map.of(PodBehaviour.READINESS_FAILS, "app"), probe(3, 1), null, null));

    assertThat(provider.podStatus("ns", "sick").orElseThrow().getConditions()).isEmpty();
    assertThat(notificationDelayMillis()).isBetween(2_000L, 3_001L);
    clock.advance(Duration.ofSeconds(3));

    assertThat(provider.podStatus("ns", "sick").orElseThrow().getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("ContainersReady");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getMessage())
                  .isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 500");
            });
  }

  @Test
  void readinessFailsMustNameAContainerWithAReadinessProbe() {
    assertThatThrownBy(
            () ->
                provider.createPod(
                    pod("bad", Map.of(PodBehaviour.READINESS_FAILS, "app"), "Always")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining(PodBehaviour.READINESS_FAILS);
  }

  @Test
  void aStartupProbeKeepsTheContainerNotStartedAndNotReadyUntilItPasses() {
    provider.createPod(withProbes("slow", Map.of(), probe(0, 10), probe(3, 10), null));

    assertThat(app("slow").getStarted()).isFalse();
    assertThat(app("slow").getReady()).isFalse();
    clock.advance(Duration.ofSeconds(3));
    assertThat(app("slow").getStarted()).isTrue();
    assertThat(app("slow").getReady()).isFalse();
    clock.advance(Duration.ofSeconds(7));
    assertThat(app("slow").getReady()).isTrue();
  }

  @Test
  void aFailingLivenessProbeKillsTheContainerAfterFailureThresholdPeriodsAndItRestarts() {
    Map<String, String> failing = Map.of(PodBehaviour.LIVENESS_FAILS_AFTER, "5s");
    Probe liveness = new ProbeBuilder(probe(0, 2)).withFailureThreshold(3).build();
    provider.createPod(withProbes("dying", failing, null, null, liveness));

    // probes at 0, 2, 4 pass; 6, 8, 10 fail: killed at 10 s, and restarted at once
    clock.advance(Duration.ofMillis(9999));
    assertThat(app("dying").getRestartCount()).isZero();
    clock.advance(Duration.ofMillis(1));
    ContainerStatus restarted = app("dying");
    assertThat(restarted.getRestartCount()).isEqualTo(1);
    assertThat(restarted.getState().getRunning()).isNotNull();
    var killed = restarted.getLastState().getTerminated();
    assertThat(killed.getExitCode()).isEqualTo(137);
    assertThat(killed.getReason()).isEqualTo("Error");
    assertThat(killed.getMessage()).startsWith("Liveness probe failed: ");
    assertThat(killed.getFinishedAt()).isEqualTo("2026-11-25T10:00:10Z");
  }

  @Test
  void aLivenessProbeThatPassesNeverRestartsTheContainer() {
    provider.createPod(withProbes("fine", Map.of(), null, null, probe(0, 1)));

    clock.advance(Duration.ofMinutes(10));

    assertThat(app("fine").getRestartCount()).isZero();
    assertThat(app("fine").getReady()).isTrue();
  }

  private long notificationDelayMillis() {
    return scheduler.getQueue().stream()
        .mapToLong(t -> ((ScheduledFuture<?>) t).getDelay(TimeUnit.MILLISECONDS))
        .min()
        .orElseThrow();
  }

  private ContainerStatus app(String pod) {
    return provider.podStatus("ns", pod).orElseThrow().getContainerStatuses().getFirst();
  }

  private static Probe probe(int initialDelaySeconds, int periodSeconds) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/healthz")
        .endHttpGet()
        .withInitialDelaySeconds(initialDelaySeconds)
        .withPeriodSeconds(periodSeconds)
        .build();
  }

  private static Pod withProbes(
      String name,
      Map<String, String> annotations,
      Probe readiness,
      Probe startup,
      Probe liveness) {
    return new PodBuilder(pod(name, annotations, "Always"))
        .editSpec()
        .editFirstContainer()
        .withReadinessProbe(readiness)
        .withStartupProbe(startup)
        .withLivenessProbe(liveness)
        .endContainer()
        .endSpec()
        .build();
  }
}
