package io.camelvk.providers.mock.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.pod.PodPhase;
import io.camelvk.provider.LogOptions;
import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.MockProviderConfig;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Init containers one after another, their failures and back-off, and sidecars, on a test clock.
 */
class InitContainersTest {

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
  void initContainersRunInOrderEachAfterTheOneBeforeCompleted() throws IOException {
    run(
        "ordered",
        "Always",
        List.of(init("init-a", "echo one"), init("init-b", "sleep 2; echo two")),
        regular("sleep infinity"));

    assertThat(state(init("ordered", 0))).isEqualTo("terminated Completed 0");
    assertThat(state(init("ordered", 1))).isEqualTo("running");
    assertThat(init("ordered", 0).getReady()).isTrue();
    assertThat(init("ordered", 1).getReady()).isFalse();
    assertThat(state(main("ordered"))).isEqualTo("waiting PodInitializing");
    assertThat(phase("ordered")).isEqualTo(PodPhase.PENDING);

    clock.advance(Duration.ofSeconds(2));
    assertThat(state(init("ordered", 1))).isEqualTo("terminated Completed 0");
    assertThat(state(main("ordered"))).isEqualTo("running");
    assertThat(main("ordered").getState().getRunning().getStartedAt())
        .isEqualTo("2026-11-25T10:00:02Z");
    assertThat(log("ordered", "init-a")).isEqualTo("one\n");
    assertThat(log("ordered", "init-b")).isEqualTo("two\n");
    assertThat(phase("ordered")).isEqualTo(PodPhase.RUNNING);
  }

  @Test
  void anInitContainerWaitsForItsTurnAsPodInitializing() {
    run(
        "waiting",
        "Always",
        List.of(init("init-a", "sleep 5"), init("init-b", "true")),
        regular("sleep infinity"));

    assertThat(state(init("waiting", 1))).isEqualTo("waiting PodInitializing");
  }

  @Test
  void theProviderNotifiesTheCoreWhenTheNextInitContainerStarts() {
    provider.onPodStatusChange((ns, name) -> {});
    run("notified", "Always", List.of(init("init-a", "sleep 3")), regular("sleep infinity"));

    assertThat(scheduler.getQueue())
        .singleElement()
        .satisfies(
            task ->
                assertThat(((ScheduledFuture<?>) task).getDelay(TimeUnit.MILLISECONDS))
                    .isBetween(2_000L, 3_001L));
  }

  @Test
  void aFailedInitContainerFailsAPodThatNeverRestartsAndTheMainContainersNeverStart() {
    run(
        "failed",
        "Never",
        List.of(init("init-a", "exit 1"), init("init-b", "true")),
        regular("echo never"));

    assertThat(state(init("failed", 0))).isEqualTo("terminated Error 1");
    assertThat(state(init("failed", 1))).isEqualTo("waiting PodInitializing");
    clock.advance(Duration.ofMinutes(1));
    assertThat(state(main("failed"))).isEqualTo("waiting PodInitializing");
    assertThat(phase("failed")).isEqualTo(PodPhase.FAILED);
  }

  @Test
  void aFailedInitContainerRestartsWithTheBackOffOtherwise() {
    run("crashing", "Always", List.of(init("init-a", "exit 1")), regular("echo never"));

    assertThat(init("crashing", 0).getState().getWaiting().getReason())
        .isEqualTo("CrashLoopBackOff");
    assertThat(init("crashing", 0).getLastState().getTerminated().getExitCode()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(init("crashing", 0).getRestartCount()).isEqualTo(2);
    assertThat(init("crashing", 0).getState().getWaiting().getMessage())
        .startsWith("back-off 20s restarting failed container=init-a");
    assertThat(state(main("crashing"))).isEqualTo("waiting PodInitializing");
    assertThat(phase("crashing")).isEqualTo(PodPhase.PENDING);
  }

  @Test
  void anInitContainerWithNoCommandCompletesAtOnce() {
    run(
        "bare",
        "Always",
        List.of(new ContainerBuilder().withName("init-a").withImage("busybox").build()),
        regular("sleep infinity"));

    assertThat(state(init("bare", 0))).isEqualTo("terminated Completed 0");
    assertThat(state(main("bare"))).isEqualTo("running");
  }

  @Test
  void aSidecarStartsBeforeTheNextInitContainerAndKeepsRunningWithTheMainOnes() {
    run(
        "sidecar",
        "Always",
        List.of(sidecar("proxy", "sleep infinity"), init("init-b", "sleep 1")),
        regular("sleep infinity"));

    assertThat(state(init("sidecar", 0))).isEqualTo("running");
    assertThat(init("sidecar", 0).getStarted()).isTrue();
    assertThat(init("sidecar", 0).getReady()).isTrue();
    assertThat(state(init("sidecar", 1))).isEqualTo("running");
    clock.advance(Duration.ofSeconds(1));
    assertThat(state(main("sidecar"))).isEqualTo("running");
    assertThat(state(init("sidecar", 0))).isEqualTo("running");
  }

  @Test
  void theContainerAfterASidecarWaitsForItsStartupProbe() {
    Container proxy =
        new ContainerBuilder(sidecar("proxy", "sleep infinity"))
            .withNewStartupProbe()
            .withInitialDelaySeconds(2)
            .withNewExec()
            .withCommand("true")
            .endExec()
            .endStartupProbe()
            .build();
    run("probed", "Always", List.of(proxy), regular("sleep infinity"));

    assertThat(init("probed", 0).getStarted()).isFalse();
    assertThat(state(main("probed"))).isEqualTo("waiting PodInitializing");
    clock.advance(Duration.ofSeconds(2));
    assertThat(init("probed", 0).getStarted()).isTrue();
    assertThat(main("probed").getState().getRunning().getStartedAt())
        .isEqualTo("2026-11-25T10:00:02Z");
  }

  @Test
  void aSidecarThatExitsIsRestartedWithTheBackOff() {
    run("flaky", "Never", List.of(sidecar("proxy", "sleep 1; exit 2")), regular("sleep infinity"));

    clock.advance(Duration.ofSeconds(1));
    assertThat(state(init("flaky", 0))).isEqualTo("running");
    assertThat(init("flaky", 0).getRestartCount()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(init("flaky", 0).getState().getWaiting().getMessage())
        .startsWith("back-off 10s restarting failed container=proxy");
    assertThat(state(main("flaky"))).isEqualTo("running");
    clock.advance(Duration.ofSeconds(10));
    assertThat(state(init("flaky", 0))).isEqualTo("running");
    assertThat(init("flaky", 0).getRestartCount()).isEqualTo(2);
  }

  @Test
  void aJobsSidecarIsStoppedWhenItsMainContainerEndsAndThePodSucceeds() {
    run("job", "Never", List.of(sidecar("proxy", "sleep infinity")), regular("sleep 3; echo done"));

    assertThat(state(init("job", 0))).isEqualTo("running");
    assertThat(phase("job")).isEqualTo(PodPhase.RUNNING);
    clock.advance(Duration.ofSeconds(3));
    assertThat(state(main("job"))).isEqualTo("terminated Completed 0");
    assertThat(state(init("job", 0))).isEqualTo("terminated Completed 0");
    assertThat(init("job", 0).getState().getTerminated().getFinishedAt())
        .isEqualTo("2026-11-25T10:00:03Z");
    clock.advance(Duration.ofMinutes(10));
    assertThat(state(init("job", 0))).isEqualTo("terminated Completed 0");
    assertThat(phase("job")).isEqualTo(PodPhase.SUCCEEDED);
  }

  @Test
  void aSidecarFollowsAMainContainerThatAnUpdateRestarted() {
    Pod job =
        run("updated", "Never", List.of(sidecar("proxy", "sleep infinity")), regular("sleep 60"));
    clock.advance(Duration.ofSeconds(1));

    provider.updatePod(
        new PodBuilder(job)
            .editSpec()
            .editFirstContainer()
            .withImage("busybox:2")
            .withCommand("sh", "-c", "sleep 2")
            .endContainer()
            .endSpec()
            .build());
    clock.advance(Duration.ofSeconds(2));

    assertThat(state(main("updated"))).isEqualTo("terminated Completed 0");
    assertThat(state(init("updated", 0))).isEqualTo("terminated Completed 0");
    assertThat(init("updated", 0).getState().getTerminated().getFinishedAt())
        .isEqualTo("2026-11-25T10:00:03Z");
  }

  @Test
  void aStopEndsTheMainContainerFirstThenTheSidecarsInReverseOrderWithinTheGracePeriod() {
    Pod pod =
        new PodBuilder(
                MockFixture.pod("stopping", Map.of(PodBehaviour.STOP_DURATION, "1s"), "Always"))
            .editSpec()
            .withInitContainers(
                sidecar("first", "sleep infinity"), sidecar("second", "sleep infinity"))
            .withContainers(regular("sleep infinity"))
            .endSpec()
            .build();
    provider.createPod(pod);

    PodStatus last = provider.stopPod(pod, Duration.ofMillis(2500).plusSeconds(1)).orElseThrow();

    assertThat(last.getContainerStatuses().getFirst().getState().getTerminated())
        .satisfies(t -> assertThat(t.getFinishedAt()).isEqualTo("2026-11-25T10:00:01Z"))
        .satisfies(t -> assertThat(t.getExitCode()).isZero());
    assertThat(last.getInitContainerStatuses())
        .extracting(
            s -> s.getName() + " " + state(s) + " " + s.getState().getTerminated().getFinishedAt())
        .containsExactly(
            "first terminated Completed 0 2026-11-25T10:00:03Z",
            "second terminated Completed 0 2026-11-25T10:00:02Z");
  }

  private Pod run(String name, String restartPolicy, List<Container> init, Container main) {
    Pod pod =
        new PodBuilder(MockFixture.pod(name, Map.of(), restartPolicy))
            .editSpec()
            .withInitContainers(init)
            .withContainers(main)
            .endSpec()
            .build();
    provider.createPod(pod);
    return pod;
  }

  private static Container init(String name, String script) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("busybox")
        .withCommand("sh", "-c", script)
        .build();
  }

  private static Container sidecar(String name, String script) {
    return new ContainerBuilder(init(name, script)).withRestartPolicy("Always").build();
  }

  private static Container regular(String script) {
    return new ContainerBuilder(init("app", script)).build();
  }

  private static String state(ContainerStatus status) {
    var state = status.getState();
    if (state.getRunning() != null) {
      return "running";
    }
    if (state.getWaiting() != null) {
      return "waiting " + state.getWaiting().getReason();
    }
    return "terminated "
        + state.getTerminated().getReason()
        + " "
        + state.getTerminated().getExitCode();
  }

  private ContainerStatus init(String pod, int index) {
    return status(pod).getInitContainerStatuses().get(index);
  }

  private ContainerStatus main(String pod) {
    return status(pod).getContainerStatuses().getFirst();
  }

  private PodStatus status(String pod) {
    return provider.podStatus("ns", pod).orElseThrow();
  }

  private String phase(String name) {
    PodStatus status = status(name);
    Pod pod =
        provider.pods().stream()
            .filter(p -> p.getMetadata().getName().equals(name))
            .findFirst()
            .orElseThrow();
    return PodPhase.of(pod, status.getInitContainerStatuses(), status.getContainerStatuses());
  }

  private String log(String pod, String container) throws IOException {
    try (var in = provider.logs("ns", pod, container, LogOptions.ALL)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
