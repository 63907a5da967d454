package io.camelvk.providers.mock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.MockProviderConfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsTest {

  @TempDir Path dir;
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void faultsSitBesideTheResourcesOfANodeSection() throws Exception {
    MockProviderConfig config =
        load(
            "default:\n  cpu: \"8\"\n  faults:\n"
                + "    errorFraction: 0.3\n    timeoutFraction: 0.1\n    timeout: 30s\n    seed: 42\n");
    assertThat(config.faults()).isEqualTo(new FaultConfig(0.3, 0.1, Duration.ofSeconds(30), 42));
    assertThat(config.nodeProfile().capacity())
        .containsEntry("cpu", new Quantity("8"))
        .doesNotContainKey("faults");
  }

  @Test
  void noFaultsObjectMeansNoFaults() throws Exception {
    assertThat(load("default:\n  cpu: \"8\"\n").faults()).isEqualTo(FaultConfig.NONE);
    assertThat(load("other:\n  faults: {errorFraction: 1}\n").faults().any()).isFalse();
  }

  @Test
  void everyCallFailsBeforeItTakesEffectWithAnErrorFractionOfOne() throws Exception {
    MockProvider provider = provider(load("default: {faults: {errorFraction: 1}}"));
    Pod pod = MockFixture.pod("p", Map.of(), "Always");
    assertThatThrownBy(() -> provider.createPod(pod))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT))
        .hasMessageContaining("injected failure of createPod");
    assertThat(provider.pods()).isEmpty();
    assertThat(provider.creations(pod.getMetadata().getUid())).isZero();
  }

  @Test
  void aTimeoutTakesEffectThenHangsUntilInterrupted() throws Exception {
    MockProvider provider = provider(load("default: {faults: {timeoutFraction: 1, timeout: 10m}}"));
    Pod pod = MockFixture.pod("p", Map.of(), "Always");
    Thread caller = Thread.currentThread();
    CompletableFuture<Void> interrupter =
        CompletableFuture.runAsync(
            () -> {
              while (provider.pods().isEmpty()) {
                Thread.onSpinWait();
              }
              caller.interrupt();
            });
    assertThatThrownBy(() -> provider.createPod(pod)).hasMessageContaining("interrupted");
    interrupter.join();
    assertThat(Thread.interrupted()).isTrue();
    assertThat(provider.creations(pod.getMetadata().getUid())).isOne();
  }

  @Test
  void theSeedMakesTheDrawsRepeatableAndTheFractionHolds() throws Exception {
    MockProviderConfig config = load("default: {faults: {errorFraction: 0.3, seed: 7}}");
    assertThat(failures(provider(config)))
        .isEqualTo(failures(provider(config)))
        .isBetween(240, 360);
  }

  @Test
  void aCreateOfARunningPodIsNotCountedAgain() throws Exception {
    MockProvider provider = provider(MockProviderConfig.defaults());
    Pod pod = MockFixture.pod("p", Map.of(), "Always");
    provider.createPod(pod);
    provider.createPod(pod);
    assertThat(provider.creations(pod.getMetadata().getUid())).isOne();
  }

  @Test
  void badFaultsFailWithOneLineNamingTheField() {
    assertBad("default: {faults: [1]}", "faults: expected an object");
    assertBad("default: {faults: {errorFraction: 1.5}}", "faults.errorFraction: '1.5'");
    assertBad("default: {faults: {errorFraction: -0.1}}", "faults.errorFraction");
    assertBad("default: {faults: {errorFraction: .nan}}", "'.nan'");
    assertBad("default: {faults: {errorFraction: \"0.3\"}}", "faults.errorFraction");
    assertBad("default: {faults: {timeoutFraction: 2}}", "faults.timeoutFraction");
    assertBad(
        "default: {faults: {errorFraction: 0.6, timeoutFraction: 0.6}}",
        "errorFraction + timeoutFraction");
    assertBad("default: {faults: {timeout: soon}}", "faults.timeout: 'soon'");
    assertBad("default: {faults: {timeout: \"0\"}}", "faults.timeout");
    assertBad("default: {faults: {timeout: 30}}", "faults.timeout");
    assertBad("default: {faults: {seed: 1.5}}", "faults.seed");
    assertBad("default: {faults: {seed: 99999999999999999999999}}", "faults.seed");
    assertBad("default: {faults: {errorFactor: 0.3}}", "unknown field 'errorFactor'");
  }

  private void assertBad(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("\n");
  }

  private int failures(MockProvider provider) {
    return (int)
        IntStream.range(0, 1000)
            .filter(
                i -> {
                  try {
                    provider.createPod(MockFixture.pod("p" + i, Map.of(), "Always"));
                    return false;
                  } catch (ProviderException e) {
                    return true;
                  }
                })
            .count();
  }

  private MockProvider provider(MockProviderConfig config) {
    return new MockProvider(config, Clock.systemUTC(), scheduler);
  }

  private MockProviderConfig load(String yaml) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "mock", ".yaml"), yaml);
    return MockProviderConfig.load(Optional.of(file), "vk-1");
  }
}
