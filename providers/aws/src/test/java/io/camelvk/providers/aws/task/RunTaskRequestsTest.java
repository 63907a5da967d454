package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.TestPods.container;
import static io.camelvk.providers.aws.task.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

class RunTaskRequestsTest {

  private static final String DEFINITION =
      "arn:aws:ecs:eu-west-1:123456789012:task-definition/camelvk-0123456789abcdef:1";

  @Test
  void aPodRunsAsOneFargateTaskInTheSubnetsTaggedWithItsNodeAndIdentity() {
    RunTaskRequests requests =
        new RunTaskRequests(
            new RunTaskSettings(
                "pods", "1.4.0", List.of("subnet-a", "subnet-b"), List.of("sg-1"), true, "vk-aws"));
    RunTaskRequest request = requests.of(pod(container("app")), DEFINITION);
    assertThat(request.cluster()).isEqualTo("pods");
    assertThat(request.taskDefinition()).isEqualTo(DEFINITION);
    assertThat(request.launchType()).isEqualTo(LaunchType.FARGATE);
    assertThat(request.platformVersion()).isEqualTo("1.4.0");
    assertThat(request.count()).isEqualTo(1);
    var vpc = request.networkConfiguration().awsvpcConfiguration();
    assertThat(vpc.subnets()).containsExactly("subnet-a", "subnet-b");
    assertThat(vpc.securityGroups()).containsExactly("sg-1");
    assertThat(vpc.assignPublicIp()).isEqualTo(AssignPublicIp.ENABLED);
    assertThat(request.startedBy()).isEqualTo("vk-aws");
    assertThat(request.clientToken()).isEqualTo("2f1c7a52-8d1e-4b7a-9a52-0c6f1d3e9b11");
    assertThat(request.tags())
        .containsExactly(
            tag("camelvk.io/node", "vk-aws"),
            tag("camelvk.io/namespace", "shop"),
            tag("camelvk.io/name", "web"),
            tag("camelvk.io/uid", "2f1c7a52-8d1e-4b7a-9a52-0c6f1d3e9b11"));
  }

  @Test
  void withoutAPlatformVersionOrSecurityGroupsAwsChoosesAndNoPublicIpIsAssigned() {
    RunTaskRequests requests =
        new RunTaskRequests(
            new RunTaskSettings("pods", null, List.of("subnet-a"), List.of(), false, "vk-aws"));
    RunTaskRequest request = requests.of(pod(container("app")), DEFINITION);
    assertThat(request.platformVersion()).isNull();
    assertThat(request.networkConfiguration().awsvpcConfiguration().hasSecurityGroups()).isFalse();
    assertThat(request.networkConfiguration().awsvpcConfiguration().assignPublicIp())
        .isEqualTo(AssignPublicIp.DISABLED);
  }

  @Test
  void startedByIsTheNodeNameCutToWhatEcsTakes() {
    assertThat(RunTaskRequests.startedBy("vk.eu-west-1.example.com"))
        .isEqualTo("vk-eu-west-1-example-com");
    assertThat(RunTaskRequests.startedBy("n".repeat(200))).isEqualTo("n".repeat(128));
  }

  @Test
  void theTagsOfATaskNameItsPod() {
    Task ours =
        Task.builder()
            .tags(
                tag("camelvk.io/node", "vk-aws"),
                tag("camelvk.io/namespace", "shop"),
                tag("camelvk.io/name", "web"),
                tag("camelvk.io/uid", "uid-1"),
                tag("team", "payments"))
            .build();
    assertThat(TaskTags.of(ours)).contains(new TaskTags("vk-aws", "shop", "web", "uid-1"));
  }

  @Test
  void aTaskWithoutAllFourTagsIsNotOurs() {
    Task other =
        Task.builder()
            .tags(tag("camelvk.io/node", "vk-aws"), tag("camelvk.io/namespace", "shop"))
            .build();
    assertThat(TaskTags.of(other)).isEmpty();
    assertThat(TaskTags.of(Task.builder().build())).isEmpty();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
