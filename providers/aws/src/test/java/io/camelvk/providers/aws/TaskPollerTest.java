package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestPods;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The poll loop's round: 100 tasks a DescribeTasks, and a batch that fails left for the next round
 * without losing the others' statuses, nor its own.
 */
class TaskPollerTest {

  private final TaskLedger ledger = new TaskLedger();
  private final List<Integer> batchSizes = new ArrayList<>();
  private final AtomicInteger failing = new AtomicInteger(-1);

  @Test
  void tasksAreDescribedAHundredAtATime() {
    track(250);

    List<StatusReport> reports = poller().poll();

    assertThat(batchSizes).containsExactly(100, 100, 50);
    assertThat(reports).hasSize(250);
    assertThat(poller().poll()).as("nothing changed").isEmpty();
  }

  @Test
  void aBatchThatFailsIsReportedNextRoundAndTheOthersAtOnce() {
    track(250);
    failing.set(1);

    List<StatusReport> first = poller().poll();
    failing.set(-1);
    List<StatusReport> second = poller().poll();

    assertThat(first).hasSize(150);
    assertThat(second).hasSize(100);
    assertThat(second)
        .extracting(StatusReport::uid)
        .doesNotContainAnyElementsOf(first.stream().map(StatusReport::uid).toList());
  }

  private TaskPoller poller() {
    return new TaskPoller(new DescribingEcs(), "cluster", ledger);
  }

  private void track(int pods) {
    for (int i = 0; i < pods; i++) {
      String uid = UUID.randomUUID().toString();
      ledger.track(
          new TaskLedger.Tracked(
              TestPods.named("ns", "pod-" + i, uid).build(),
              "arn:aws:ecs:us-east-1:123456789012:task/cluster/" + uid));
    }
  }

  /** Answers every task RUNNING; the batch numbered {@code failing} (from 0) throws. */
  private final class DescribingEcs implements EcsClient {

    private int batch;

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
      batchSizes.add(request.tasks().size());
      if (batch++ == failing.get()) {
        throw EcsException.builder().message("We encountered an internal error").build();
      }
      return DescribeTasksResponse.builder()
          .tasks(
              request.tasks().stream()
                  .map(arn -> Task.builder().taskArn(arn).lastStatus("RUNNING").build())
                  .toList())
          .build();
    }

    @Override
    public String serviceName() {
      return "ecs";
    }

    @Override
    public void close() {}
  }
}
