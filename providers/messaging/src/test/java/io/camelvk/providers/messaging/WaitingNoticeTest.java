package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A pod shows that it waits for a worker only when its create goes unanswered for the notice: a
 * worker that answers sooner saves that status write, and an answer always wins over the notice.
 */
class WaitingNoticeTest {

  private static final Duration NOTICE = Duration.ofSeconds(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T00:00:00Z"));
  private final ReplyOrder order = new ReplyOrder();
  private final UnansweredCreates unanswered =
      new UnansweredCreates(order, Duration.ofMinutes(5), "camelvk.commands", clock);
  private final PodCommands commands =
      new PodCommands(
          new PodSequences(clock), order, unanswered, "node", "camelvk.commands", clock);

  @Test
  void aCreateAnsweredWithinTheNoticeIsNeverShownWaiting() {
    Pod pod = TestPods.named("waiting", "quick", "uid-quick").build();
    String create = commands.command(CloudEvents.CREATE, pod, null).sequence();
    clock.advance(Duration.ofSeconds(1));
    assertThat(unanswered.dueForNotice(NOTICE)).isEmpty();

    order.applied(pod.getMetadata().getUid(), new ReplyOrder.Place(create, 0));
    clock.advance(Duration.ofSeconds(5));

    assertThat(unanswered.dueForNotice(NOTICE)).isEmpty();
  }

  @Test
  void aCreateUnansweredForTheNoticeIsShownWaitingOnceAndTheAnswerThenWins() {
    Pod pod = TestPods.named("waiting", "slow", "uid-slow").build();
    String uid = pod.getMetadata().getUid();
    String create = commands.command(CloudEvents.CREATE, pod, null).sequence();
    clock.advance(NOTICE);

    var due = unanswered.dueForNotice(NOTICE);
    assertThat(due).singleElement().extracting(UnansweredCreates.Unanswered::uid).isEqualTo(uid);
    assertThat(due.getFirst().waiting().getContainerStatuses().getFirst().getState().getWaiting())
        .satisfies(w -> assertThat(w.getReason()).isEqualTo("WaitingForWorker"));
    assertThat(order.applyIfNewer(uid, due.getFirst().waitingPlace(), () -> {}))
        .isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(unanswered.dueForNotice(NOTICE)).as("given once").isEmpty();

    assertThat(order.verdict(uid, new ReplyOrder.Place(create, 0)))
        .isEqualTo(ReplyOrder.Verdict.NEWER);
  }

  @Test
  void aNoticeOvertakenByTheAnswerIsDropped() {
    Pod pod = TestPods.named("waiting", "raced", "uid-raced").build();
    String uid = pod.getMetadata().getUid();
    String create = commands.command(CloudEvents.CREATE, pod, null).sequence();
    clock.advance(NOTICE);
    var due = unanswered.dueForNotice(NOTICE);

    order.applied(uid, new ReplyOrder.Place(create, 0));

    assertThat(order.applyIfNewer(uid, due.getFirst().waitingPlace(), () -> {}))
        .isEqualTo(ReplyOrder.Verdict.STALE);
  }
}
