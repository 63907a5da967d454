package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  @Test
  void aStatusReadWhileAnOlderOneIsBeingAppliedWaitsItsTurnAndIsJudgedAfterIt() throws Exception {
    CountDownLatch applying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> appliedInOrder = new CopyOnWriteArrayList<>();
    CompletableFuture<ReplyOrder.Verdict> older =
        CompletableFuture.supplyAsync(
            () ->
                order.applyIfNewer(
                    "uid",
                    place(10, 0),
                    () -> {
                      applying.countDown();
                      await(release);
                      appliedInOrder.add("older");
                    }));
    applying.await(5, TimeUnit.SECONDS);
    CompletableFuture<ReplyOrder.Verdict> newer =
        CompletableFuture.supplyAsync(
            () -> order.applyIfNewer("uid", place(10, 1), () -> appliedInOrder.add("newer")));
    Thread.sleep(200);
    assertThat(newer).isNotDone();
    // A pod whose UID takes another lock than "uid" is not held up.
    assertThat(order.applyIfNewer("pod-b", place(1, 0), () -> appliedInOrder.add("other pod")))
        .isEqualTo(ReplyOrder.Verdict.NEWER);

    release.countDown();
    assertThat(older.get(5, TimeUnit.SECONDS)).isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(newer.get(5, TimeUnit.SECONDS)).isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(appliedInOrder).containsExactly("other pod", "older", "newer");
    assertThat(order.applyIfNewer("uid", place(10, 0), () -> appliedInOrder.add("late")))
        .isEqualTo(ReplyOrder.Verdict.STALE);
    assertThat(appliedInOrder).doesNotContain("late");
  }

  @Test
  void aStatusWhoseApplyFailsIsNotRecordedSoItsRedeliveryIsStillNewer() {
    assertThatThrownBy(
            () ->
                order.applyIfNewer(
                    "uid",
                    place(10, 0),
                    () -> {
                      throw new IllegalStateException("not written");
                    }))
        .hasMessage("not written");

    assertThat(order.known("uid")).isFalse();
    assertThat(order.applyIfNewer("uid", place(10, 0), () -> {}))
        .isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(order.verdict("uid", place(10, 0))).isEqualTo(ReplyOrder.Verdict.DUPLICATE);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ReplyOrder.Place place(long sequence, long statusSequence) {
    return new ReplyOrder.Place(PodSequences.format(sequence), statusSequence);
  }
}
