package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.TestPods;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl logs -f} through the broker, as the core asks for it: the worker's later lines
 * come as they are written, the client going away cancels the request at the worker, and the
 * container ending ends the log.
 */
class MessagingLogsFollowTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String NAMESPACE = "follow";

  private static EmbeddedBroker broker;
  private TestWorker worker;
  private ProviderHarness harness;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void start() throws Exception {
    worker = TestWorker.start(broker.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only("messaging", Optional.empty()),
                "follow-node",
                Clock.systemUTC()),
            Map.of("vk.provider.messaging.url", broker.url()));
  }

  @AfterEach
  void stop() {
    harness.close();
    worker.close();
  }

  @Test
  void theLinesWrittenAfterTheRequestComeUntilTheClientGoesWhichCancelsIt() throws Exception {
    Pod pod = running("followed");
    Lines lines = follow(pod, new LogOptions(null, null, null, false, false, true));
    await().atMost(PATIENCE).until(() -> lines.seen().equals(List.of("log of app")));
    assertThat(worker.followedLogs()).isEqualTo(1);

    worker.log(NAMESPACE, name(pod), "app", "written while followed\n");
    await()
        .atMost(PATIENCE)
        .until(() -> lines.seen().equals(List.of("log of app", "written while followed")));
    assertThat(worker.logCancels()).isEmpty();

    lines.log().close();

    await().atMost(PATIENCE).until(() -> worker.logCancels().size() == 1);
    assertThat(worker.followedLogs()).isZero();
    assertThat(counters().count(MessagingCounters.MESSAGES, "sent/" + CloudEvents.LOGS_CANCEL))
        .isEqualTo(1);
  }

  @Test
  void theLogEndsWhenTheContainerEndsWithoutACancel() throws Exception {
    Pod pod = running("ending");
    Lines lines = follow(pod, new LogOptions(null, null, null, false, false, true));
    await().atMost(PATIENCE).until(() -> lines.seen().size() == 1);

    harness.provider().client().delete(pod, Duration.ofSeconds(1));

    await().atMost(PATIENCE).untilTrue(lines.ended());
    assertThat(lines.seen()).containsExactly("log of app");
    lines.log().close();
    assertThat(worker.logCancels()).isEmpty();
  }

  @Test
  void tailAndSinceChooseWhatTheFollowShowsFirst() throws Exception {
    Pod pod = running("tailed");
    worker.log(NAMESPACE, name(pod), "app", "one\n");
    worker.log(NAMESPACE, name(pod), "app", "two\n");
    Lines tailed = follow(pod, new LogOptions(2, null, null, false, false, true));
    await().atMost(PATIENCE).until(() -> tailed.seen().equals(List.of("one", "two")));

    Instant since = Instant.now();
    await().atMost(PATIENCE).until(() -> Instant.now().isAfter(since));
    worker.log(NAMESPACE, name(pod), "app", "three\n");
    Lines recent = follow(pod, new LogOptions(null, since, null, false, false, true));
    await().atMost(PATIENCE).until(() -> recent.seen().equals(List.of("three")));
    await().atMost(PATIENCE).until(() -> tailed.seen().equals(List.of("one", "two", "three")));

    tailed.log().close();
    recent.log().close();
    await().atMost(PATIENCE).until(() -> worker.logCancels().size() == 2);
  }

  @Test
  void aLineForAFollowWhoseCancelWasLostCancelsItAgain() throws Exception {
    Pod pod = running("lost-cancel");
    Lines lines = follow(pod, new LogOptions(null, null, null, false, false, true));
    await().atMost(PATIENCE).until(() -> lines.seen().size() == 1);
    worker.loseLogCancels(true);
    lines.log().close();
    await().atMost(PATIENCE).until(() -> worker.logCancels().size() == 1);
    assertThat(worker.followedLogs()).isEqualTo(1);

    worker.loseLogCancels(false);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              worker.log(NAMESPACE, name(pod), "app", "nobody reads this\n");
              return worker.logCancels().size() == 2;
            });
    assertThat(worker.followedLogs()).isZero();
    assertThat(worker.logCancels()).containsOnly(worker.logCancels().getFirst());
  }

  private record Lines(InputStream log, List<String> seen, AtomicBoolean ended) {}

  /** The followed log, read line by line on a thread of its own, as the kubelet API reads it. */
  private Lines follow(Pod pod, LogOptions options) {
    InputStream log =
        harness
            .provider()
            .capabilities()
            .logs()
            .orElseThrow()
            .logs(NAMESPACE, name(pod), "app", options);
    Lines lines = new Lines(log, new CopyOnWriteArrayList<>(), new AtomicBoolean());
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  lines.seen().add(line);
                }
              } catch (IOException e) {
                // closed by the test: the client went away
              }
              lines.ended().set(true);
            });
    return lines;
  }

  private Pod running(String name) {
    Pod pod =
        TestPods.named(
                NAMESPACE,
                name + "-" + UUID.randomUUID().toString().substring(0, 6),
                UUID.randomUUID().toString())
            .build();
    harness.provider().client().create(pod);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                harness
                    .status(pod)
                    .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
                    .orElse(false));
    return pod;
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getName();
  }

  private MessagingCounters counters() {
    return harness
        .camelContext()
        .getRegistry()
        .lookupByNameAndType("messagingBackend", MessagingProvider.class)
        .counters();
  }
}
