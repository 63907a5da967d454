package io.camelvk.providers.mock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.RunningSession;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Attach on the real clock: a container's output comes one line per second. */
class MainProcessTest {

  @RegisterExtension final MockFixture fixture = MockFixture.realTime();
  private final MockProvider provider = fixture.provider();

  @Test
  void withoutStdinTheClientSeesTheOutputFromNowOnUntilTheContainerExits() {
    provider.createPod(
        MockFixture.pod(
            "job",
            Map.of(PodBehaviour.EXIT_AFTER, "2500ms", PodBehaviour.EXIT_CODE, "5"),
            "Never"));
    try (RunningSession attach = RunningSession.attach(provider, "job", false, false)) {
      assertThat(attach.awaitExit()).isEqualTo(5);
      assertThat(attach.out())
          .doesNotContain("started")
          .contains("mock: container app of ns/job running for 2s\n");
    }
  }

  @Test
  void attachedToAContainersCommandTheClientSeesWhatItWritesThenItsExitCode() {
    Pod pod =
        new PodBuilder(MockFixture.pod("cmd", Map.of(), "Never"))
            .editSpec()
            .editFirstContainer()
            .withCommand("sh", "-c", "echo early; sleep 1; echo late; exit 4")
            .endContainer()
            .endSpec()
            .build();
    provider.createPod(pod);
    try (RunningSession attach = RunningSession.attach(provider, "cmd", false, false)) {
      assertThat(attach.awaitExit()).isEqualTo(4);
      assertThat(attach.out()).isEqualTo("late\n");
    }
  }

  @Test
  void withoutStdinItEndsWhenTheClientGoesAway() {
    provider.createPod(MockFixture.pod("web", Map.of(), "Always"));
    try (RunningSession attach = RunningSession.attach(provider, "web", false, false)) {
      attach.awaitOut("running for 1s\n");
      attach.disconnect();
      assertThat(attach.awaitExit()).isEqualTo(MainProcess.DETACHED);
    }
  }

  @Test
  void aContainerWithStdinRunsItsShellOnWhatTheClientTypesUntilItExits() {
    Pod pod =
        new PodBuilder(MockFixture.pod("debug", Map.of(), "Never"))
            .editSpec()
            .editFirstContainer()
            .withCommand("sh")
            .withStdin(true)
            .withTty(true)
            .endContainer()
            .endSpec()
            .build();
    provider.createPod(pod);
    try (RunningSession tty = RunningSession.attach(provider, "debug", true, true)) {
      tty.type("echo hi\r");
      assertThat(tty.awaitOut("echo hi\r\nhi\r\n")).isEqualTo("echo hi\r\nhi\r\n");
      tty.type("exit 3\r");
      assertThat(tty.awaitExit()).isEqualTo(3);
    }
    var debug = provider.podStatus("ns", "debug").orElseThrow().getContainerStatuses().getFirst();
    assertThat(debug.getState().getTerminated().getExitCode()).isEqualTo(3);
  }

  @Test
  void withStdinTheProcessEchoesEachLine() {
    provider.createPod(MockFixture.pod("echo", Map.of(), "Always"));
    try (RunningSession attach = RunningSession.attach(provider, "echo", false, true)) {
      attach.type("hello\nwor");
      assertThat(attach.awaitOut("hello\n")).isEqualTo("hello\n");
      attach.type("ld\nlast");
      attach.awaitOut("world\n");
      attach.endInput();
      assertThat(attach.awaitExit()).isEqualTo(MainProcess.DETACHED);
      assertThat(attach.out()).isEqualTo("hello\nworld\nlast");
    }
    try (RunningSession tty = RunningSession.attach(provider, "echo", true, true)) {
      tty.type("hi\r");
      assertThat(tty.awaitOut("hi\r\nhi\r\n")).isEqualTo("hi\r\nhi\r\n");
      tty.type("unfinished");
      tty.awaitOut("unfinished");
      tty.endInput();
      assertThat(tty.awaitExit()).isEqualTo(MainProcess.DETACHED);
      assertThat(tty.out())
          .as("a hangup drops the unfinished line")
          .isEqualTo("hi\r\nhi\r\nunfinished");
    }
  }

  @Test
  void anUnknownPodOrContainerIsNotFoundAndAStoppedOneCannotBeAttached() {
    provider.createPod(MockFixture.pod("done", Map.of(PodBehaviour.EXIT_AFTER, "1ms"), "Never"));
    assertThatThrownBy(() -> RunningSession.attach(provider, "none", false, false).awaitExit())
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    assertThatThrownBy(() -> provider.attach("ns", "done", "other", MockFixture.noStreams()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    sleepPast(Duration.ofMillis(5));
    assertThatThrownBy(() -> RunningSession.attach(provider, "done", false, false).awaitExit())
        .hasMessageContaining("not running");
  }

  private static void sleepPast(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
