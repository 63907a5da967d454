package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.LogOptions;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl logs -f} through the broker, as the core asks for it, on every transport: the
 * worker's later lines come as they are written, the client going away cancels the request at the
 * worker, and the container ending ends the log. A subclass per transport runs these and may add
 * more.
 */
abstract class LogsFollowBehaviour extends TransportTestLifecycle {

  static final String NAMESPACE = "follow";
  static final LogOptions FOLLOW = new LogOptions(null, null, null, false, false, true);

  LogsFollowBehaviour(BrokerTransport kind) {
    super(kind, "follow-node");
  }

  @Test
  void theLinesWrittenAfterTheRequestComeUntilTheClientGoesWhichCancelsIt() throws Exception {
    Pod pod = running("followed");
    Lines lines = follow(pod, FOLLOW);
    await().atMost(patience).until(() -> lines.seen().equals(List.of("log of app")));
    assertThat(worker.followedLogs()).isEqualTo(1);

    worker.log(NAMESPACE, name(pod), "app", "written while followed\n");
    await()
        .atMost(patience)
        .until(() -> lines.seen().equals(List.of("log of app", "written while followed")));
    assertThat(worker.logCancels()).isEmpty();

    lines.log().close();

    await().atMost(patience).until(() -> worker.logCancels().size() == 1);
    assertThat(worker.followedLogs()).isZero();
    assertThat(
            provider
                .counters()
                .count(MessagingCounters.MESSAGES, "sent/" + CloudEvents.LOGS_CANCEL))
        .isEqualTo(1);
  }

  @Test
  void theLogEndsWhenTheContainerEndsWithoutACancel() throws Exception {
    Pod pod = running("ending");
    Lines lines = follow(pod, FOLLOW);
    await().atMost(patience).until(() -> lines.seen().size() == 1);

    provider.delete(pod, Duration.ofSeconds(1));

    await().atMost(patience).untilTrue(lines.ended());
    assertThat(lines.seen()).containsExactly("log of app");
    lines.log().close();
    assertThat(worker.logCancels()).isEmpty();
  }

  record Lines(InputStream log, List<String> seen, AtomicBoolean ended) {}

  /** The followed log, read line by line on a thread of its own, as the kubelet API reads it. */
  Lines follow(Pod pod, LogOptions options) {
    InputStream log =
        provider
            .harness()
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

  /** A pod created and awaited until it runs. */
  Pod running(String name) {
    Pod pod =
        TestPods.named(
                NAMESPACE,
                name + "-" + UUID.randomUUID().toString().substring(0, 6),
                UUID.randomUUID().toString())
            .build();
    provider.create(pod);
    await().atMost(patience).until(() -> provider.running(pod));
    return pod;
  }

  static String name(Pod pod) {
    return pod.getMetadata().getName();
  }
}
