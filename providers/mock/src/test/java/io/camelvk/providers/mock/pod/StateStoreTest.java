package io.camelvk.providers.mock.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockJournal;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.MockProviderConfig;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

  @TempDir Path dir;
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aPodOutlivesItsProviderAndIsCreatedOnceInTheJournal() throws Exception {
    MockProvider first = provider(Instant.parse("2026-11-25T10:00:00Z"));
    first.createPod(pod("web", "uid-1"));
    first.createPod(pod("web", "uid-1"));

    MockProvider second = provider(Instant.parse("2026-11-25T10:05:00Z"));

    assertThat(second.pods()).extracting(p -> p.getMetadata().getUid()).containsExactly("uid-1");
    assertThat(second.podStatus("ns", "web").orElseThrow().getStartTime())
        .isEqualTo("2026-11-25T10:00:00Z");
    assertThat(journal().entries())
        .containsExactly(
            new MockJournal.Entry("create", "uid-1", "web", ProcessHandle.current().pid(), false));
  }

  @Test
  void aDeleteRemovesThePodForEveryProcessAndIsJournaled() {
    MockProvider first = provider(Instant.parse("2026-11-25T10:00:00Z"));
    MockProvider second = provider(Instant.parse("2026-11-25T10:00:00Z"));
    first.createPod(pod("web", "uid-1"));
    assertThat(second.pods()).hasSize(1);

    first.deletePod(pod("web", "uid-1"));

    assertThat(second.pods()).isEmpty();
    assertThat(journal().entries())
        .extracting(MockJournal.Entry::event)
        .containsExactly("create", "delete");
  }

  @Test
  void aPodStoredByAProcessKilledBeforeItsJournalLineIsJournaledAsRecovered() throws Exception {
    provider(Instant.parse("2026-11-25T10:00:00Z")).createPod(pod("web", "uid-1"));
    Files.delete(dir.resolve("state").resolve(StateStore.JOURNAL));

    assertThat(provider(Instant.parse("2026-11-25T10:00:00Z")).pods()).hasSize(1);

    assertThat(journal().entries())
        .singleElement()
        .satisfies(e -> assertThat(e.recovered()).isTrue())
        .satisfies(e -> assertThat(e.uid()).isEqualTo("uid-1"));
    assertThat(journal().doubledUids()).isEmpty();
  }

  @Test
  void twoProcessesThatBothThinkTheyLeadShowAsDoubled() {
    MockProvider first = provider(Instant.parse("2026-11-25T10:00:00Z"));
    MockProvider second = provider(Instant.parse("2026-11-25T10:00:00Z"));

    first.createPod(pod("web", "uid-1"));
    second.createPod(pod("web", "uid-1"));

    assertThat(journal().doubledUids()).containsExactly("uid-1");
  }

  @Test
  void stateDirIsNotACapacityAndIsResolvedAgainstTheConfigFile() {
    assertThat(config().stateDir()).contains(dir.resolve("state").toAbsolutePath().normalize());
    assertThat(config().nodeProfile().capacity()).doesNotContainKey("stateDir");
  }

  private MockJournal journal() {
    return new MockJournal(dir.resolve("state"));
  }

  private MockProvider provider(Instant now) {
    return new MockProvider(config(), Clock.fixed(now, ZoneOffset.UTC), scheduler);
  }

  private MockProviderConfig config() {
    try {
      Path file =
          Files.writeString(
              dir.resolve("mock.yaml"), "default:\n  cpu: \"4\"\n  stateDir: state\n");
      return MockProviderConfig.load(Optional.of(file), "vk");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Pod pod(String name, String uid) {
    return MockFixture.pod(name, uid, Map.of(), "Always");
  }
}
