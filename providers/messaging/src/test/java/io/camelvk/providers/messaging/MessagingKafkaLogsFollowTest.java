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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl logs -f} on Kafka, as {@link MessagingLogsFollowTest} on JMS: the log requests and
 * the cancel go on the control topic, the answers come on the replies topic keyed by the worker, so
 * in order.
 */
class MessagingKafkaLogsFollowTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NAMESPACE = "kafka-follow";

  private static EmbeddedKafka kafka;
  private static KafkaTestWorker worker;
  private static ProviderHarness harness;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start();
    worker = KafkaTestWorker.start(kafka.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only("messaging", Optional.empty()),
                "kafka-follow-node",
                Clock.systemUTC()),
            Map.of(
                "vk.provider.messaging.transport",
                "kafka",
                "vk.provider.messaging.url",
                kafka.url()));
  }

  @AfterAll
  static void stop() {
    harness.close();
    worker.close();
    kafka.close();
  }

  @Test
  void theLinesWrittenAfterTheRequestComeUntilTheClientGoesWhichCancelsIt() throws Exception {
    Pod pod = running("followed");
    Lines lines = follow(pod);
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
  }

  @Test
  void theLogEndsWhenTheContainerEnds() throws Exception {
    Pod pod = running("ending");
    Lines lines = follow(pod);
    await().atMost(PATIENCE).until(() -> lines.seen().size() == 1);

    harness.provider().client().delete(pod, Duration.ofSeconds(1));

    await().atMost(PATIENCE).untilTrue(lines.ended());
    assertThat(lines.seen()).containsExactly("log of app");
    lines.log().close();
  }

  private record Lines(InputStream log, List<String> seen, AtomicBoolean ended) {}

  /** The followed log, read line by line on a thread of its own, as the kubelet API reads it. */
  private static Lines follow(Pod pod) {
    InputStream log =
        harness
            .provider()
            .capabilities()
            .logs()
            .orElseThrow()
            .logs(
                NAMESPACE, name(pod), "app", new LogOptions(null, null, null, false, false, true));
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

  private static Pod running(String name) {
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
                    .filter(s -> !s.getContainerStatuses().isEmpty())
                    .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
                    .orElse(false));
    return pod;
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getName();
  }
}
