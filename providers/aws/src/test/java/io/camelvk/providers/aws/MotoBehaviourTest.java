package io.camelvk.providers.aws;

import static io.camelvk.providers.aws.MotoTasks.CLUSTER;
import static io.camelvk.providers.aws.MotoTasks.STARTED_BY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * What moto's ECS does, pinned down for the aws provider: every finding in {@code
 * docs/providers/aws-moto.md} is an assertion here, what moto does not do included. CloudWatch Logs
 * is in {@link MotoLogsBehaviourTest}, task status in {@link MotoTaskStatusBehaviourTest},
 * throttling and unreachable endpoints in {@link AwsClientsTest}.
 */
class MotoBehaviourTest extends MotoEcsTestBase {

  @Test
  void describeClustersNamesAMissingClusterAsAFailureWithReasonMissing() {
    DescribeClustersResponse answer =
        ecs.describeClusters(request -> request.clusters(CLUSTER, "no-such-cluster"));

    assertThat(answer.clusters())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
    assertThat(answer.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.reason()).isEqualTo("MISSING");
              assertThat(failure.arn()).endsWith(":cluster/no-such-cluster");
            });
  }

  @Test
  void aTaskDefinitionWithoutRequiresCompatibilitiesIsEc2OnlyButKeepsAwsvpcCpuAndMemory() {
    TaskDefinition definition =
        MotoTasks.registerTaskDefinition(ecs, MotoTasks.container("app", true));

    assertThat(definition.requiresCompatibilities()).isEmpty();
    assertThat(definition.compatibilities()).containsExactly(Compatibility.EC2);
    assertThat(definition.networkMode()).isEqualTo(NetworkMode.AWSVPC);
    assertThat(definition.cpu()).isEqualTo("256");
    assertThat(definition.memory()).isEqualTo("512");
    assertThat(definition.revision()).isEqualTo(2);
  }

  @Test
  void runTaskFailsWith500WhenAContainerDefinitionHasNoMemory() {
    MotoTasks.registerTaskDefinition(
        ecs, MotoTasks.container("app", true).toBuilder().memoryReservation(null).build());

    assertThatThrownBy(() -> ecs.runTask(MotoTasks.fargate(tasks.subnet()).build()))
        .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }

  @Test
  void runTaskNeedsAnExistingSubnetAndASecurityGroupListButChecksNoSecurityGroup() {
    assertThatThrownBy(() -> ecs.runTask(MotoTasks.fargate("subnet-0000000000000000a").build()))
        .isInstanceOfSatisfying(
            EcsException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound"));
    assertThatThrownBy(
            () ->
                ecs.runTask(
                    MotoTasks.fargate(tasks.subnet())
                        .networkConfiguration(
                            n -> n.awsvpcConfiguration(vpc -> vpc.subnets(tasks.subnet())))
                        .build()))
        .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

    assertThat(tasks.run("web-0").taskArn()).contains(":task/" + CLUSTER + "/");
  }

  @Test
  void runTaskAnswersARunningTaskWithStartedByTagsAndAnEniButOnlyTheFirstContainer() {
    Task task = tasks.run("web-0");

    assertThat(task.lastStatus()).isEqualTo("RUNNING");
    assertThat(task.desiredStatus()).isEqualTo("RUNNING");
    assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
    assertThat(task.startedBy()).isEqualTo(STARTED_BY);
    assertThat(task.tags()).containsExactly(MotoTasks.podTag("web-0"));
    assertThat(task.cpu()).isNull();
    assertThat(task.memory()).isNull();
    assertThat(task.createdAt()).isNull();
    assertThat(task.startedAt()).isNull();
    assertThat(task.platformVersion()).isNull();
    assertThat(task.attachments())
        .singleElement()
        .satisfies(
            eni -> {
              assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
              assertThat(detail(eni, "subnetId")).isEqualTo(tasks.subnet());
              assertThat(detail(eni, "privateIPv4Address")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            });
    assertThat(task.containers())
        .singleElement()
        .satisfies(
            container -> {
              assertThat(container.name()).isEqualTo("app");
              assertThat(container.lastStatus()).isEqualTo("PENDING");
              assertThat(container.exitCode()).isZero();
              assertThat(container.networkInterfaces()).isEmpty();
            });
  }

  @Test
  void runTaskIgnoresTheClientTokenSoTheSameTokenTwiceStartsTwoTasks() {
    String first =
        ecs.runTask(MotoTasks.fargate(tasks.subnet()).clientToken("pod-uid-1").build())
            .tasks()
            .getFirst()
            .taskArn();
    String second =
        ecs.runTask(MotoTasks.fargate(tasks.subnet()).clientToken("pod-uid-1").build())
            .tasks()
            .getFirst()
            .taskArn();

    assertThat(second).isNotEqualTo(first);
    assertThat(ecs.listTasks(request -> request.cluster(CLUSTER)).taskArns())
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void describeTasksAnswersAHundredArnsWithTheirTagsAndAlsoMoreThanAHundred() {
    List<String> arns = tasks.runMany(101);

    List<Task> described = tasks.describe(arns.subList(0, 100));
    assertThat(described)
        .extracting(Task::taskArn)
        .containsExactlyInAnyOrderElementsOf(arns.subList(0, 100));
    assertThat(described)
        .allSatisfy(t -> assertThat(t.tags()).containsExactly(MotoTasks.podTag("batch")));
    assertThat(tasks.describe(arns)).hasSize(101);
    assertThat(
            ecs.describeTasks(request -> request.cluster(CLUSTER).tasks(arns.getFirst())).tasks())
        .singleElement()
        .satisfies(withoutInclude -> assertThat(withoutInclude.hasTags()).isFalse());
  }

  @Test
  void describeTasksLeavesAMissingArnOutWithoutAFailure() {
    String arn = tasks.run("web-0").taskArn();
    String missing =
        arn.substring(0, arn.lastIndexOf('/') + 1) + "0123456789abcdef0123456789abcdef";

    var answer = ecs.describeTasks(request -> request.cluster(CLUSTER).tasks(arn, missing));

    assertThat(answer.tasks()).extracting(Task::taskArn).containsExactly(arn);
    assertThat(answer.failures()).isEmpty();
    assertThatThrownBy(() -> ecs.describeTasks(request -> request.cluster("no-such").tasks(arn)))
        .isInstanceOf(ClusterNotFoundException.class);
  }

  @Test
  void motoNeverThrottles() {
    for (int i = 0; i < 200; i++) {
      assertThat(ecs.describeClusters(request -> request.clusters(CLUSTER)).clusters()).hasSize(1);
    }
  }

  private static String detail(Attachment attachment, String name) {
    return attachment.details().stream()
        .filter(pair -> pair.name().equals(name))
        .map(KeyValuePair::value)
        .findFirst()
        .orElseThrow();
  }
}
