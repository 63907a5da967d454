package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the provider keeps per pod UID is dropped once the pod is gone; late replies stay dropped.
 */
class DeletedPodsTest {

  private static final Duration ANSWER_DEADLINE = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T00:00:00Z"));
  private final ReplyOrder order = new ReplyOrder(2);
  private final PodSequences sequences = new PodSequences(clock);
  private final UnansweredCreates unanswered =
      new UnansweredCreates(order, ANSWER_DEADLINE, "camelvk.commands", clock);
  private final PodCommands commands =
      new PodCommands(sequences, order, unanswered, "node", "camelvk.commands", clock);
  private final DeletedPods deleted =
      new DeletedPods(order, sequences, unanswered, ANSWER_DEADLINE, clock);

  @Test
  void aDeleteAnsweredWithEveryContainerEndedLeavesNothingAndLaterRepliesAreStale() {
    Pod pod = pod("a");
    String create = commands.command(CloudEvents.CREATE, pod, null).sequence();
    order.applied(uid(pod), new ReplyOrder.Place(create, 0));
    String delete = delete(pod, 30);
    assertThat(entries()).isPositive();

    deleted.answered(uid(pod), delete, running());
    assertThat(entries()).as("a container still runs").isPositive();
    deleted.answered(uid(pod), delete, ended());

    assertThat(entries()).isZero();
    assertThat(order.verdict(uid(pod), new ReplyOrder.Place(delete, 0)))
        .isEqualTo(ReplyOrder.Verdict.STALE);
    order.applied(uid(pod), new ReplyOrder.Place(delete, 1));
    assertThat(entries()).isZero();
  }

  @Test
  void aDeleteNoWorkerAnswersIsForgottenAfterItsGracePeriodAndTheAnswerDeadline() {
    Pod pod = pod("b");
    commands.command(CloudEvents.CREATE, pod, null);
    delete(pod, 30);

    clock.advance(ANSWER_DEADLINE.plusSeconds(29));
    deleted.forgetOverdue();
    assertThat(entries()).isPositive();
    clock.advance(Duration.ofSeconds(1));
    deleted.forgetOverdue();

    assertThat(entries()).isZero();
  }

  @Test
  void goneUidsAreRememberedUpToABoundTheOldestForgottenFirst() {
    Pod first = pod("c1");
    for (Pod pod : new Pod[] {first, pod("c2"), pod("c3")}) {
      commands.command(CloudEvents.CREATE, pod, null);
      deleted.answered(uid(pod), delete(pod, 0), ended());
    }

    assertThat(entries()).isZero();
    ReplyOrder.Place late = new ReplyOrder.Place(PodSequences.format(Long.MAX_VALUE), 0);
    assertThat(order.verdict(uid(first), late)).isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(order.verdict(uid(pod("c3")), late)).isEqualTo(ReplyOrder.Verdict.STALE);
  }

  @Test
  void aPodCreatedAgainAfterItsDeleteIsNotForgotten() {
    Pod pod = pod("d");
    commands.command(CloudEvents.CREATE, pod, null);
    String delete = delete(pod, 0);
    deleted.created(uid(pod));
    String again = commands.command(CloudEvents.CREATE, pod, null).sequence();

    deleted.answered(uid(pod), delete, ended());
    clock.advance(ANSWER_DEADLINE.multipliedBy(2));
    deleted.forgetOverdue();

    assertThat(order.verdict(uid(pod), new ReplyOrder.Place(again, 0)))
        .isEqualTo(ReplyOrder.Verdict.NEWER);
    assertThat(order.size()).isEqualTo(1);
  }

  private String delete(Pod pod, long grace) {
    String sequence = commands.command(CloudEvents.DELETE, pod, grace).sequence();
    deleted.sent(uid(pod), sequence, grace);
    return sequence;
  }

  private int entries() {
    return order.size() + sequences.size() + unanswered.size() + deleted.size();
  }

  private static Pod pod(String name) {
    return TestPods.named("gone", name, "uid-" + name).build();
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }

  private static PodStatus running() {
    return new PodStatusBuilder()
        .addNewContainerStatus()
        .withName("app")
        .withNewState()
        .withNewRunning()
        .endRunning()
        .endState()
        .endContainerStatus()
        .build();
  }

  private static PodStatus ended() {
    return new PodStatusBuilder()
        .addNewContainerStatus()
        .withName("app")
        .withNewState()
        .withNewTerminated()
        .withExitCode(0)
        .endTerminated()
        .endState()
        .endContainerStatus()
        .build();
  }
}
