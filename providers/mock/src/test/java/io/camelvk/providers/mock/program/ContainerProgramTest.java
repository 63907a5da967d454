package io.camelvk.providers.mock.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.pod.PodPhase;
import io.camelvk.provider.LogOptions;
import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.MockProviderConfig;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.ContainerState;
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

/** Containers that run their command: logs, exits, restarts, all on a clock the test moves. */
class ContainerProgramTest {

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
  void aJobsEchoIsItsLogAndItsExitCompletesThePod() throws IOException {
    Pod job = run("hi", "Never", Map.of(), List.of("echo", "hi"), List.of());

    ContainerState state = app("hi").getState();
    assertThat(state.getTerminated().getExitCode()).isZero();
    assertThat(state.getTerminated().getReason()).isEqualTo("Completed");
    assertThat(state.getTerminated().getStartedAt()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(state.getTerminated().getFinishedAt()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(log("hi", LogOptions.ALL)).isEqualTo("hi\n");
    assertThat(phase(job)).isEqualTo(PodPhase.SUCCEEDED);
  }

  @Test
  void aScriptThatExitsNonZeroIsAnErrorAndFailsAPodThatNeverRestarts() throws IOException {
    Pod pod = run("bad", "Never", Map.of(), List.of("sh", "-c"), List.of("echo out; exit 3"));

    ContainerState state = app("bad").getState();
    assertThat(state.getTerminated().getExitCode()).isEqualTo(3);
    assertThat(state.getTerminated().getReason()).isEqualTo("Error");
    assertThat(log("bad", LogOptions.ALL)).isEqualTo("out\n");
    assertThat(phase(pod)).isEqualTo(PodPhase.FAILED);
  }

  @Test
  void argsAloneAreRunAsTheCommand() throws IOException {
    run("args", "Never", Map.of(), List.of(), List.of("printf", "%s-%s\\n", "a", "b"));
    assertThat(log("args", LogOptions.ALL)).isEqualTo("a-b\n");
  }

  @Test
  void sleepsTakeTheProgramsTimeSoLinesAndTheExitComeWhenTheClockGetsThere() throws IOException {
    run(
        "slow",
        "Never",
        Map.of(),
        List.of("sh", "-c", "echo a; sleep 5; echo b; exit 2"),
        List.of());

    assertThat(app("slow").getState().getRunning()).isNotNull();
    assertThat(log("slow", LogOptions.ALL)).isEqualTo("a\n");
    clock.advance(Duration.ofMillis(4999));
    assertThat(app("slow").getState().getRunning()).isNotNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(app("slow").getState().getTerminated().getExitCode()).isEqualTo(2);
    assertThat(app("slow").getState().getTerminated().getFinishedAt())
        .isEqualTo("2026-11-25T10:00:05Z");
    assertThat(log("slow", new LogOptions(null, null, null, true, false, false)))
        .isEqualTo("2026-11-25T10:00:00.000000000Z a\n2026-11-25T10:00:05.000000000Z b\n");
  }

  @Test
  void theExitIsNotifiedWhenItComes() {
    provider.onPodStatusChange((ns, name) -> {});
    run("timed", "Never", Map.of(), List.of("sh", "-c", "sleep 3"), List.of());

    assertThat(scheduler.getQueue())
        .singleElement()
        .satisfies(
            task ->
                assertThat(((ScheduledFuture<?>) task).getDelay(TimeUnit.MILLISECONDS))
                    .isBetween(2_000L, 3_001L));
  }

  @Test
  void alwaysRestartsAtOnceThenBacksOffInCrashLoopBackOffWithTheKubeletsMessage()
      throws IOException {
    Pod pod = run("crash", "Always", Map.of(), List.of("sh", "-c", "echo try; exit 1"), List.of());

    ContainerStatus first = app("crash");
    assertThat(first.getRestartCount()).isEqualTo(1);
    assertThat(first.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(first.getState().getWaiting().getMessage())
        .isEqualTo(
            "back-off 10s restarting failed container=app pod=crash_ns("
                + pod.getMetadata().getUid()
                + ")");
    assertThat(first.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(first.getLastState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(log("crash", new LogOptions(null, null, null, false, true, false)))
        .isEqualTo("try\n");
    assertThat(phase(pod)).isEqualTo(PodPhase.RUNNING);

    clock.advance(Duration.ofSeconds(10));
    assertThat(app("crash").getRestartCount()).isEqualTo(2);
    assertThat(app("crash").getState().getWaiting().getMessage()).startsWith("back-off 20s ");
    clock.advance(Duration.ofSeconds(19));
    assertThat(app("crash").getRestartCount()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(app("crash").getState().getWaiting().getMessage()).startsWith("back-off 40s ");
    assertThat(app("crash").getRestartCount()).isEqualTo(3);
  }

  @Test
  void onFailureRestartsAFailureButNotASuccess() {
    Pod failing = run("fails", "OnFailure", Map.of(), List.of("false"), List.of());
    Pod passing = run("passes", "OnFailure", Map.of(), List.of("true"), List.of());

    assertThat(app("fails").getRestartCount()).isEqualTo(1);
    assertThat(app("fails").getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(phase(failing)).isEqualTo(PodPhase.RUNNING);
    assertThat(app("passes").getState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(phase(passing)).isEqualTo(PodPhase.SUCCEEDED);
  }

  @Test
  void aProgramTheMockDoesNotKnowRunsUntilStoppedAndSaysSoOnce() throws IOException {
    run("web", "Always", Map.of(), List.of("nginx", "-g", "daemon off;"), List.of());
    run(
        "entry",
        "Always",
        Map.of(),
        List.of("sh", "-c", "echo setup; exec /docker-entrypoint.sh"),
        List.of());
    clock.advance(Duration.ofHours(1));

    assertThat(app("web").getState().getRunning().getStartedAt()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(log("web", LogOptions.ALL))
        .isEqualTo(
            "mock: nginx is not a program the mock knows; the container runs until it is stopped\n");
    assertThat(log("entry", LogOptions.ALL))
        .isEqualTo(
            "setup\nmock: /docker-entrypoint.sh is not a program the mock knows; the container"
                + " runs until it is stopped\n");
    assertThat(provider.podStatus("ns", "web")).isPresent();
  }

  @Test
  void aLoopThatSleepsWritesAsTheClockGoesAndOneThatNeverSleepsDoesNotRunAway() throws IOException {
    run(
        "ticker",
        "Always",
        Map.of(),
        List.of("sh", "-c", "i=0; while true; do i=$((i+1)); echo $i; sleep 1; done"),
        List.of());
    run("busy", "Always", Map.of(), List.of("sh", "-c", "while :; do :; done"), List.of());

    clock.advance(Duration.ofMillis(3500));
    assertThat(log("ticker", LogOptions.ALL)).isEqualTo("1\n2\n3\n4\n");
    assertThat(app("busy").getState().getRunning()).isNotNull();
    clock.advance(Duration.ofSeconds(2));
    assertThat(app("busy").getState().getRunning()).isNotNull();
  }

  @Test
  void annotationsWinOverTheCommand() throws IOException {
    run(
        "scripted",
        "Never",
        Map.of(PodBehaviour.EXIT_AFTER, "2s"),
        List.of("sh", "-c", "exit 3"),
        List.of());
    run("coded", "Never", Map.of(PodBehaviour.EXIT_CODE, "7"), List.of("true"), List.of());
    run(
        "delayed",
        "Never",
        Map.of(PodBehaviour.START_DELAY, "5s"),
        List.of("echo", "late"),
        List.of());

    assertThat(app("scripted").getState().getRunning()).isNotNull();
    assertThat(app("coded").getState().getTerminated().getExitCode()).isEqualTo(7);
    assertThat(app("delayed").getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
    clock.advance(Duration.ofSeconds(5));
    assertThat(app("scripted").getState().getTerminated().getExitCode()).isZero();
    assertThat(log("scripted", LogOptions.ALL))
        .startsWith("mock: container app of ns/scripted started");
    assertThat(app("delayed").getState().getTerminated().getStartedAt())
        .isEqualTo("2026-11-25T10:00:05Z");
  }

  @Test
  void aRestartDelayReplacesTheBackOff() {
    run("fixed", "Always", Map.of(PodBehaviour.RESTART_DELAY, "2s"), List.of("false"), List.of());

    assertThat(app("fixed").getRestartCount()).isZero();
    assertThat(app("fixed").getState().getWaiting().getMessage()).startsWith("back-off 2s ");
    clock.advance(Duration.ofSeconds(2));
    assertThat(app("fixed").getRestartCount()).isEqualTo(1);
  }

  private Pod run(
      String name,
      String restartPolicy,
      Map<String, String> annotations,
      List<String> command,
      List<String> args) {
    Pod pod =
        new PodBuilder(MockFixture.pod(name, annotations, restartPolicy))
            .editSpec()
            .editFirstContainer()
            .withCommand(command)
            .withArgs(args)
            .endContainer()
            .endSpec()
            .build();
    provider.createPod(pod);
    return pod;
  }

  private ContainerStatus app(String pod) {
    return status(pod).getContainerStatuses().getFirst();
  }

  private PodStatus status(String pod) {
    return provider.podStatus("ns", pod).orElseThrow();
  }

  private String phase(Pod pod) {
    PodStatus status = status(pod.getMetadata().getName());
    return PodPhase.of(pod, status.getInitContainerStatuses(), status.getContainerStatuses());
  }

  private String log(String pod, LogOptions options) throws IOException {
    try (var in = provider.logs("ns", pod, "app", options)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
