package io.camelvk.providers.aws;

import static io.camelvk.providers.aws.MotoTasks.CLUSTER;
import static io.camelvk.providers.aws.MotoTasks.STARTED_BY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * How moto moves a task's status (per DescribeTasks, by hand, by StopTask) and what ListTasks and a
 * reset do with it: findings listed in {@code docs/providers/aws-moto.md}.
 */
class MotoTaskStatusBehaviourTest extends MotoEcsTestBase {

  @Test
  void withoutManualTransitionsEachDescribeMovesATaskOneStepToStoppedButNotItsDesiredStatus() {
    moto.automaticTaskTransitions();
    String arn = tasks.run("web-0").taskArn();

    List<String> seen =
        List.of(1, 2, 3, 4, 5).stream().map(i -> tasks.describe(arn).lastStatus()).toList();

    assertThat(seen)
        .containsExactly("DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED", "STOPPED");
    Task stopped = tasks.describe(arn);
    assertThat(stopped.desiredStatus()).isEqualTo("RUNNING");
    assertThat(stopped.stoppedReason()).isEmpty();
    assertThat(stopped.containers().getFirst().exitCode()).isZero();
    assertThat(listTasks(DesiredStatus.RUNNING)).containsExactly(arn);
    assertThat(listTasks(DesiredStatus.STOPPED)).isEmpty();
  }

  @Test
  void withManualTransitionsATaskStaysRunningUntilMovedByHand() {
    String moved = tasks.run("web-0").taskArn();
    String kept = tasks.run("web-1").taskArn();
    for (int i = 0; i < 5; i++) {
      assertThat(tasks.describe(List.of(moved, kept)))
          .extracting(Task::lastStatus)
          .containsOnly("RUNNING");
    }

    moto.advanceTask(ecs, CLUSTER, moved);

    assertThat(tasks.describe(moved).lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(tasks.describe(kept).lastStatus()).isEqualTo("RUNNING");
  }

  @Test
  void stopTaskStopsAtOnceWithTheReasonButExitCodeZeroAndTheContainerStillPending() {
    String arn = tasks.run("web-0").taskArn();

    Task answer =
        ecs.stopTask(request -> request.cluster(CLUSTER).task(arn).reason("pod deleted")).task();

    assertThat(answer.lastStatus()).isEqualTo("STOPPED");
    Task stopped = tasks.describe(arn);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedReason()).isEqualTo("pod deleted");
    assertThat(stopped.stoppedAt()).isNull();
    assertThat(stopped.containers())
        .singleElement()
        .satisfies(
            container -> {
              assertThat(container.exitCode()).isZero();
              assertThat(container.lastStatus()).isEqualTo("PENDING");
              assertThat(container.reason()).isNull();
            });
    String unknown =
        arn.substring(0, arn.lastIndexOf('/') + 1) + "0123456789abcdef0123456789abcdef";
    assertThatThrownBy(() -> ecs.stopTask(request -> request.cluster(CLUSTER).task(unknown)))
        .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }

  @Test
  void listTasksFiltersByStartedByAndDesiredStatus() {
    String running = tasks.run("web-0").taskArn();
    String stopped = tasks.run("web-1").taskArn();
    String other =
        ecs.runTask(MotoTasks.fargate(tasks.subnet()).startedBy("someone-else").build())
            .tasks()
            .getFirst()
            .taskArn();
    ecs.stopTask(request -> request.cluster(CLUSTER).task(stopped));

    assertThat(ecs.listTasks(request -> request.cluster(CLUSTER).startedBy(STARTED_BY)).taskArns())
        .containsExactlyInAnyOrder(running, stopped);
    assertThat(listTasks(DesiredStatus.RUNNING)).containsExactlyInAnyOrder(running, other);
    assertThat(listTasks(DesiredStatus.STOPPED)).containsExactly(stopped);
  }

  @Test
  void resetForgetsTasksAndSubnetsButKeepsTheTransitionSetting() {
    String before = tasks.subnet();
    moto.reset();
    tasks = MotoTasks.prepare(ecs, moto);

    assertThat(tasks.subnet()).isNotEqualTo(before);
    assertThat(listTasks(DesiredStatus.RUNNING)).isEmpty();
    String arn = tasks.run("web-0").taskArn();
    assertThat(tasks.describe(arn).lastStatus()).isEqualTo("RUNNING");
    assertThat(tasks.describe(arn).lastStatus()).isEqualTo("RUNNING");
  }
}
