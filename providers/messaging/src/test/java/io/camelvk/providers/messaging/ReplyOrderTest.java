package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplyOrderTest {

  private final ReplyOrder order = new ReplyOrder();

  @Test
  void aReplyIsJudgedByTheCommandItAnswersThenByTheWorkersCount() {
    order.applied("uid", place(10, 1));

    assertThat(order.verdict("uid", place(10, 1))).isEqualTo(ReplyOrder.Verdict.DUPLICATE);
    assertThat(order.verdict("uid", place(10, 0))).isEqualTo(ReplyOrder.Verdict.STALE);
    assertThat(order.verdict("uid", place(9, 7))).isEqualTo(ReplyOrder.Verdict.STALE);
    assertThat(order.verdict("uid", place(10, 2))).isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(order.verdict("uid", place(11, 0))).isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(order.verdict("other", place(1, 0))).isEqualTo(ReplyOrder.Verdict.NEWER);
  }

  @Test
  void theWaitingStatusGivesWayToTheWorkersFirstReply() {
    order.applied("uid", place(10, ReplyOrder.AWAITING_WORKER));

    assertThat(order.workerAnswered("uid")).isFalse();
    assertThat(order.verdict("uid", place(10, 0))).isEqualTo(ReplyOrder.Verdict.NEWER);
    order.applied("uid", place(10, 0));
    assertThat(order.workerAnswered("uid")).isTrue();
  }

  @Test
  void aPodFailedForWantOfAWorkerTakesNoReplyAfterwards() {
    order.applied("uid", place(10, ReplyOrder.AWAITING_WORKER));
    order.applied("uid", ReplyOrder.FINAL);

    assertThat(order.verdict("uid", place(10, 0))).isEqualTo(ReplyOrder.Verdict.STALE);
    assertThat(order.verdict("uid", place(Long.MAX_VALUE / 10, 0)))
        .isEqualTo(ReplyOrder.Verdict.STALE);
  }

  @Test
  void anOlderPlaceNeverReplacesANewerOne() {
    order.applied("uid", place(10, 3));
    order.applied("uid", place(10, 2));

    assertThat(order.verdict("uid", place(10, 3))).isEqualTo(ReplyOrder.Verdict.DUPLICATE);
  }

  @Test
  void sequencesIncreaseWithinAMillisecondAndAcrossAProcessRestart() {
    Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);
    PodSequences first = new PodSequences(frozen);
    String a = first.next("uid");
    String b = first.next("uid");
    PodSequences restarted =
        new PodSequences(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC));
    String c = restarted.next("uid");

    assertThat(a).hasSize(20).isLessThan(b);
    assertThat(b).isLessThan(c);
  }

  private static ReplyOrder.Place place(long sequence, long statusSequence) {
    return new ReplyOrder.Place(PodSequences.format(sequence), statusSequence);
  }
}
