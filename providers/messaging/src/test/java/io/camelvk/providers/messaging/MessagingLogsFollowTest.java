package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.LogOptions;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LogsFollowBehaviour} on JMS, and more of it: tail and since choose what a follow shows
 * first; a follow whose cancel was lost is cancelled again.
 */
class MessagingLogsFollowTest extends LogsFollowBehaviour {

  MessagingLogsFollowTest() {
    super(BrokerTransport.JMS);
  }

  @Test
  void tailAndSinceChooseWhatTheFollowShowsFirst() throws Exception {
    Pod pod = running("tailed");
    worker.log(NAMESPACE, name(pod), "app", "one\n");
    worker.log(NAMESPACE, name(pod), "app", "two\n");
    Lines tailed = follow(pod, new LogOptions(2, null, null, false, false, true));
    await().atMost(patience).until(() -> tailed.seen().equals(List.of("one", "two")));

    Instant since = Instant.now();
    await().atMost(patience).until(() -> Instant.now().isAfter(since));
    worker.log(NAMESPACE, name(pod), "app", "three\n");
    Lines recent = follow(pod, new LogOptions(null, since, null, false, false, true));
    await().atMost(patience).until(() -> recent.seen().equals(List.of("three")));
    await().atMost(patience).until(() -> tailed.seen().equals(List.of("one", "two", "three")));

    tailed.log().close();
    recent.log().close();
    await().atMost(patience).until(() -> worker.logCancels().size() == 2);
  }

  @Test
  void aLineForAFollowWhoseCancelWasLostCancelsItAgain() throws Exception {
    Pod pod = running("lost-cancel");
    Lines lines = follow(pod, FOLLOW);
    await().atMost(patience).until(() -> lines.seen().size() == 1);
    worker.loseLogCancels(true);
    lines.log().close();
    await().atMost(patience).until(() -> worker.logCancels().size() == 1);
    assertThat(worker.followedLogs()).isEqualTo(1);

    worker.loseLogCancels(false);
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              worker.log(NAMESPACE, name(pod), "app", "nobody reads this\n");
              return worker.logCancels().size() == 2;
            });
    assertThat(worker.followedLogs()).isZero();
    assertThat(worker.logCancels()).containsOnly(worker.logCancels().getFirst());
  }
}
