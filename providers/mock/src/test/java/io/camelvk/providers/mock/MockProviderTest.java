package io.camelvk.providers.mock;

import static io.camelvk.providers.mock.MockFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockProviderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MockProvider provider =
      new MockProvider(MockProviderConfig.defaults(), clock, scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aPodRunsAtOnceWithAPodIpAndStartTime() {
    provider.createPod(pod("web", Map.of(), "Always"));

    var status = provider.podStatus("ns", "web").orElseThrow();
    assertThat(app(status.getContainerStatuses()).getState().getRunning().getStartedAt())
        .isEqualTo("2026-11-25T10:00:00Z");
    assertThat(app(status.getContainerStatuses()).getReady()).isTrue();
    assertThat(status.getPodIP()).startsWith("127.0.");
    assertThat(status.getStartTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(status.getPhase()).isNull();
  }

  @Test
  void thePodIpAnnotationGivesThePodAnAddressAServicesEndpointAccepts() {
    provider.createPod(pod("served", Map.of(PodBehaviour.POD_IP, "10.244.0.7"), "Always"));

    assertThat(provider.podStatus("ns", "served").orElseThrow().getPodIP()).isEqualTo("10.244.0.7");
    assertThatThrownBy(
            () ->
                provider.createPod(pod("bad", Map.of(PodBehaviour.POD_IP, "10.0.0.256"), "Always")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining(PodBehaviour.POD_IP);
  }

  @Test
  void aStartDelayKeepsContainersCreatingUntilItElapses() {
    provider.createPod(pod("slow", Map.of(PodBehaviour.START_DELAY, "3s"), "Always"));

    assertThat(app(status("slow")).getState().getWaiting().getReason())
        .isEqualTo("ContainerCreating");
    clock.advance(Duration.ofSeconds(3));
    assertThat(app(status("slow")).getState().getRunning()).isNotNull();
  }

  @Test
  void withRestartPolicyNeverAContainerExitsOnceWithItsCode() {
    provider.createPod(
        pod("job", Map.of(PodBehaviour.EXIT_AFTER, "2s", PodBehaviour.EXIT_CODE, "3"), "Never"));

    clock.advance(Duration.ofSeconds(5));
    var terminated = app(status("job")).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(terminated.getFinishedAt()).isEqualTo("2026-11-25T10:00:02Z");
    assertThat(app(status("job")).getRestartCount()).isZero();
  }

  @Test
  void withOnFailureAFailingContainerBacksOffThenRestartsAndCounts() {
    provider.createPod(
        pod(
            "crash",
            Map.of(
                PodBehaviour.EXIT_AFTER,
                "2s",
                PodBehaviour.EXIT_CODE,
                "1",
                PodBehaviour.RESTART_DELAY,
                "1s"),
            "OnFailure"));

    clock.advance(Duration.ofMillis(2500));
    ContainerStatus backingOff = app(status("crash"));
    assertThat(backingOff.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(backingOff.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(backingOff.getRestartCount()).isZero();

    clock.advance(Duration.ofSeconds(1));
    ContainerStatus restarted = app(status("crash"));
    assertThat(restarted.getState().getRunning().getStartedAt()).isEqualTo("2026-11-25T10:00:03Z");
    assertThat(restarted.getRestartCount()).isEqualTo(1);
    assertThat(restarted.getLastState().getTerminated()).isNotNull();
  }

  @Test
  void withOnFailureASuccessfulContainerStaysCompleted() {
    provider.createPod(pod("done", Map.of(PodBehaviour.EXIT_AFTER, "1s"), "OnFailure"));
    clock.advance(Duration.ofSeconds(10));
    assertThat(app(status("done")).getState().getTerminated().getReason()).isEqualTo("Completed");
  }

  @Test
  void failCreatePermanentIsInvalidAndTransientFailsTheFirstNCalls() {
    Pod refused = pod("refused", Map.of(PodBehaviour.FAIL_CREATE, "true"), "Always");
    assertThatThrownBy(() -> provider.createPod(refused))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID));

    Pod flaky = pod("flaky", Map.of(PodBehaviour.FAIL_CREATE, "transient:2"), "Always");
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> provider.createPod(flaky))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT));
    }
    provider.createPod(flaky);
    assertThat(provider.podStatus("ns", "flaky")).isPresent();
  }

  @Test
  void badAnnotationsAreRefusedNamingTheAnnotation() {
    assertThatThrownBy(
            () -> provider.createPod(pod("a", Map.of(PodBehaviour.EXIT_CODE, "300"), "Always")))
        .hasMessageContaining(PodBehaviour.EXIT_CODE);
    assertThatThrownBy(
            () -> provider.createPod(pod("b", Map.of(PodBehaviour.START_DELAY, "soon"), "Always")))
        .hasMessageContaining(PodBehaviour.START_DELAY);
    assertThatThrownBy(
            () -> provider.createPod(pod("c", Map.of(PodBehaviour.FAIL_CREATE, "maybe"), "Always")))
        .hasMessageContaining(PodBehaviour.FAIL_CREATE);
    assertThatThrownBy(
            () -> provider.createPod(pod("d", Map.of(PodBehaviour.RESTART_DELAY, "0s"), "Always")))
        .hasMessageContaining(PodBehaviour.RESTART_DELAY + ": 0s is below 100ms");
  }

  @Test
  void createOfTheSamePodIsANoOpAndANewUidReplacesIt() {
    Pod first = pod("same", Map.of(), "Always");
    provider.createPod(first);
    clock.advance(Duration.ofSeconds(5));
    provider.createPod(first);
    assertThat(status("same").get(0).getState().getRunning().getStartedAt())
        .isEqualTo("2026-11-25T10:00:00Z");

    Pod second = pod("same", Map.of(), "Always");
    provider.createPod(second);
    assertThat(provider.pods())
        .singleElement()
        .satisfies(
            p -> assertThat(p.getMetadata().getUid()).isEqualTo(second.getMetadata().getUid()));
    assertThat(status("same").get(0).getState().getRunning().getStartedAt())
        .isEqualTo("2026-11-25T10:00:05Z");
  }

  @Test
  void deleteForgetsThePodAndUnknownPodsAreNoError() {
    Pod pod = pod("gone", Map.of(), "Always");
    provider.createPod(pod);
    provider.deletePod(pod);
    provider.deletePod(pod);
    assertThat(provider.pods()).isEmpty();
    assertThat(provider.podStatus("ns", "gone")).isEmpty();
  }

  @Test
  void aNewImageRestartsTheContainerAsTheKubeletReportsIt() {
    Pod pod = pod("web", Map.of(), "Always");
    provider.createPod(pod);
    clock.advance(Duration.ofSeconds(10));

    provider.updatePod(
        new PodBuilder(pod)
            .editSpec()
            .editFirstContainer()
            .withImage("busybox:1.37")
            .endContainer()
            .endSpec()
            .build());

    var app = app(provider.podStatus("ns", "web").orElseThrow().getContainerStatuses());
    assertThat(app.getRestartCount()).isOne();
    assertThat(app.getImageID()).isEqualTo("mock://busybox:1.37");
    assertThat(app.getState().getRunning().getStartedAt()).isEqualTo("2026-11-25T10:00:10Z");
    assertThat(app.getLastState().getTerminated())
        .satisfies(
            t -> {
              assertThat(t.getReason()).isEqualTo("Completed");
              assertThat(t.getStartedAt()).isEqualTo("2026-11-25T10:00:00Z");
              assertThat(t.getFinishedAt()).isEqualTo("2026-11-25T10:00:10Z");
            });
    assertThat(app.getContainerID()).endsWith("/app/1");
  }

  @Test
  void aStopWithinTheGracePeriodEndsTheContainersCleanly() {
    Pod pod = pod("quick", Map.of(PodBehaviour.STOP_DURATION, "50ms"), "Always");
    provider.createPod(pod);

    PodStatus last = provider.stopPod(pod, Duration.ofSeconds(30)).orElseThrow();

    assertThat(app(last.getContainerStatuses()).getState().getTerminated())
        .satisfies(
            t -> {
              assertThat(t.getExitCode()).isZero();
              assertThat(t.getReason()).isEqualTo("Completed");
              assertThat(t.getStartedAt()).isEqualTo("2026-11-25T10:00:00Z");
            });
    assertThat(provider.pods()).isEmpty();
  }

  @Test
  void aStopLongerThanTheGracePeriodIsKilledWhenItEnds() {
    Pod pod = pod("slow", Map.of(PodBehaviour.STOP_DURATION, "1h"), "Always");
    provider.createPod(pod);
    long start = System.nanoTime();

    PodStatus last = provider.stopPod(pod, Duration.ofMillis(100)).orElseThrow();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(app(last.getContainerStatuses()).getState().getTerminated())
        .satisfies(
            t -> {
              assertThat(t.getExitCode()).isEqualTo(137);
              assertThat(t.getReason()).isEqualTo("Error");
            });
    assertThat(provider.pods()).isEmpty();
    assertThat(provider.stopPod(pod, Duration.ZERO)).isEmpty();
  }

  @Test
  void logsAreDeterministicAndHonourTailSinceTimestampsAndLimit() throws IOException {
    provider.createPod(pod("log", Map.of(), "Always"));
    clock.advance(Duration.ofSeconds(10));

    assertThat(log("log", LogOptions.ALL))
        .hasLineCount(11)
        .startsWith("mock: container app of ns/log started (restart 0)\n");
    assertThat(log("log", new LogOptions(2, null, null, false, false, false)))
        .isEqualTo(
            "mock: container app of ns/log running for 9s\nmock: container app of ns/log running for 10s\n");
    assertThat(log("log", new LogOptions(1, null, null, true, false, false)))
        .isEqualTo(
            "2026-11-25T10:00:10.000000000Z mock: container app of ns/log running for 10s\n");
    assertThat(
            log(
                "log",
                new LogOptions(
                    null, Instant.parse("2026-11-25T10:00:08Z"), null, false, false, false)))
        .hasLineCount(3);
    assertThat(log("log", new LogOptions(null, null, 4L, false, false, false))).isEqualTo("mock");
    assertThatThrownBy(() -> log("log", new LogOptions(null, null, null, false, true, false)))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("previous terminated container");
  }

  @Test
  void previousLogsAreThoseOfTheLastTerminatedInstance() throws IOException {
    provider.createPod(
        pod(
            "again",
            Map.of(
                PodBehaviour.EXIT_AFTER,
                "3s",
                PodBehaviour.EXIT_CODE,
                "1",
                PodBehaviour.RESTART_DELAY,
                "1s"),
            "Always"));
    clock.advance(Duration.ofSeconds(5));

    assertThat(log("again", new LogOptions(null, null, null, false, true, false)))
        .startsWith("mock: container app of ns/again started (restart 0)")
        .hasLineCount(4);
    assertThat(log("again", LogOptions.ALL))
        .startsWith("mock: container app of ns/again started (restart 1)");
  }

  @Test
  void execRunsTheSmallShell() {
    Pod pod =
        new PodBuilder(pod("sh", Map.of(), "Always"))
            .editSpec()
            .editFirstContainer()
            .addNewEnv()
            .withName("GREETING")
            .withValue("hello")
            .endEnv()
            .endContainer()
            .endSpec()
            .build();
    provider.createPod(pod);

    assertThat(out(exec("sh", List.of("echo", "hi", "there")))).isEqualTo("hi there\n");
    assertThat(out(exec("sh", List.of("printenv", "GREETING")))).isEqualTo("hello\n");
    assertThat(out(exec("sh", List.of("env")))).contains("GREETING=hello", "HOSTNAME=sh");
    assertThat(exec("sh", List.of("sh", "-c", "echo written > /tmp/f")).exitCode()).isZero();
    assertThat(out(exec("sh", List.of("cat", "/tmp/f")))).isEqualTo("written\n");
    assertThat(exec("sh", List.of("tee", "/tmp/g"), "in").exitCode()).isZero();
    assertThat(out(exec("sh", List.of("cat", "/tmp/g")))).isEqualTo("in");
    assertThat(exec("sh", List.of("exit", "3")).exitCode()).isEqualTo(3);
    ExecResult missing = exec("sh", List.of("nope"));
    assertThat(missing.exitCode()).isEqualTo(127);
    assertThat(new String(missing.stderr(), StandardCharsets.UTF_8))
        .contains("nope: command not found");
    assertThat(exec("sh", List.of("cat", "/none")).exitCode()).isEqualTo(1);
    assertThatThrownBy(
            () -> provider.exec("ns", "sh", "other", List.of("true"), streams("").streams()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
  }

  @Test
  void execNeedsARunningContainer() {
    provider.createPod(pod("starting", Map.of(PodBehaviour.START_DELAY, "5s"), "Always"));
    assertThatThrownBy(() -> exec("starting", List.of("true")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
        .hasMessageContaining("not running");
    clock.advance(Duration.ofSeconds(5));
    assertThat(exec("starting", List.of("true")).exitCode()).isZero();
  }

  @Test
  void usageGrowsWithTime() {
    Pod pod =
        new PodBuilder(pod("busy", Map.of(), "Always"))
            .editSpec()
            .editFirstContainer()
            .withNewResources()
            .addToRequests("cpu", new Quantity("500m"))
            .addToRequests("memory", new Quantity("64Mi"))
            .endResources()
            .endContainer()
            .endSpec()
            .build();
    provider.createPod(pod);
    clock.advance(Duration.ofSeconds(10));
    var first = provider.podUsage("ns", "busy").orElseThrow().get(0);
    clock.advance(Duration.ofSeconds(10));
    var second = provider.podUsage("ns", "busy").orElseThrow().get(0);

    assertThat(first.cpuUsageCoreNanoSeconds()).isEqualTo(5_000_000_000L);
    assertThat(second.cpuUsageCoreNanoSeconds()).isEqualTo(10_000_000_000L);
    assertThat(second.cpuUsageNanoCores()).isEqualTo(500_000_000L);
    assertThat(second.memoryWorkingSetBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(provider.podUsage("ns", "none")).isEmpty();
  }

  @Test
  void aStatusChangeIsNotifiedAtItsTime() {
    provider.onPodStatusChange((ns, name) -> {});
    provider.createPod(pod("timed", Map.of(PodBehaviour.START_DELAY, "7s"), "Always"));

    assertThat(scheduler.getQueue())
        .singleElement()
        .satisfies(
            task ->
                assertThat(
                        ((java.util.concurrent.ScheduledFuture<?>) task)
                            .getDelay(TimeUnit.MILLISECONDS))
                    .isBetween(6_000L, 7_001L));
  }

  @Test
  void manyThreadsCreatingAndDeletingDistinctPodsLoseNothing() {
    List<Pod> pods =
        IntStream.range(0, 400).mapToObj(i -> pod("p" + i, Map.of(), "Always")).toList();
    pods.parallelStream().forEach(provider::createPod);
    pods.parallelStream()
        .filter(p -> p.getMetadata().getName().hashCode() % 2 == 0)
        .forEach(provider::deletePod);
    long kept = pods.stream().filter(p -> p.getMetadata().getName().hashCode() % 2 != 0).count();
    assertThat(provider.pods()).hasSize((int) kept);
  }

  private List<ContainerStatus> status(String name) {
    return provider.podStatus("ns", name).orElseThrow().getContainerStatuses();
  }

  private static ContainerStatus app(List<ContainerStatus> statuses) {
    return statuses.get(0);
  }

  private String log(String pod, LogOptions options) throws IOException {
    return new String(
        provider.logs("ns", pod, "app", options).readAllBytes(), StandardCharsets.UTF_8);
  }

  private ExecResult exec(String pod, List<String> command) {
    return exec(pod, command, "");
  }

  private ExecResult exec(String pod, List<String> command, String stdin) {
    CapturedStreams captured = streams(stdin);
    int code = provider.exec("ns", pod, "app", command, captured.streams());
    return new ExecResult(captured.out().toByteArray(), captured.err().toByteArray(), code);
  }

  private static CapturedStreams streams(String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RemoteStreams streams =
        new RemoteStreams(
            Optional.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
            Optional.of(out),
            Optional.of(err),
            false,
            new TerminalResizes());
    return new CapturedStreams(streams, out, err);
  }

  private record CapturedStreams(
      RemoteStreams streams, ByteArrayOutputStream out, ByteArrayOutputStream err) {}

  private record ExecResult(byte[] stdout, byte[] stderr, int exitCode) {}

  private static String out(ExecResult result) {
    return new String(result.stdout(), StandardCharsets.UTF_8);
  }
}
