package io.camelvk.providers.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskField;

/** A cluster, a task definition and RunTask calls on moto, shaped as the provider makes them. */
final class MotoTasks {

  static final String CLUSTER = "vk-tests";
  static final String FAMILY = "vk-pod";
  static final String STARTED_BY = "vk-node-1";
  static final String SECURITY_GROUP = "sg-0123456789abcdef0";

  private final EcsClient ecs;
  private final String subnet;

  private MotoTasks(EcsClient ecs, String subnet) {
    this.ecs = ecs;
    this.subnet = subnet;
  }

  /** Creates the cluster and a Fargate-sized awsvpc task definition of two containers. */
  static MotoTasks prepare(EcsClient ecs, MotoServer moto) {
    ecs.createCluster(request -> request.clusterName(CLUSTER));
    registerTaskDefinition(ecs, container("app", true), container("sidecar", false));
    return new MotoTasks(ecs, moto.defaultSubnets().getFirst());
  }

  /** Without requiresCompatibilities, as the issue advises; task cpu and memory a Fargate size. */
  static TaskDefinition registerTaskDefinition(EcsClient ecs, ContainerDefinition... containers) {
    return ecs.registerTaskDefinition(
            request ->
                request
                    .family(FAMILY)
                    .networkMode(NetworkMode.AWSVPC)
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(containers))
        .taskDefinition();
  }

  /** A container definition as the provider writes it: with a memory reservation. */
  static ContainerDefinition container(String name, boolean essential) {
    return ContainerDefinition.builder()
        .name(name)
        .image("busybox:1.36")
        .essential(essential)
        .memoryReservation(128)
        .build();
  }

  static RunTaskRequest.Builder fargate(String subnet) {
    return RunTaskRequest.builder()
        .cluster(CLUSTER)
        .taskDefinition(FAMILY)
        .launchType(LaunchType.FARGATE)
        .startedBy(STARTED_BY)
        .networkConfiguration(
            network ->
                network.awsvpcConfiguration(
                    vpc ->
                        vpc.subnets(subnet)
                            .securityGroups(SECURITY_GROUP)
                            .assignPublicIp(AssignPublicIp.DISABLED)));
  }

  String subnet() {
    return subnet;
  }

  /** One task tagged with a pod's name. */
  Task run(String pod) {
    return ecs.runTask(fargate(subnet).tags(podTag(pod)).build()).tasks().getFirst();
  }

  /** {@code count} tasks (RunTask starts at most 10 a call), their ARNs. */
  List<String> runMany(int count) {
    List<String> arns = new ArrayList<>();
    while (arns.size() < count) {
      int batch = Math.min(10, count - arns.size());
      ecs.runTask(fargate(subnet).count(batch).tags(podTag("batch")).build()).tasks().stream()
          .map(Task::taskArn)
          .forEach(arns::add);
    }
    return arns;
  }

  Task describe(String taskArn) {
    return describe(List.of(taskArn)).getFirst();
  }

  List<Task> describe(List<String> taskArns) {
    return ecs.describeTasks(
            request -> request.cluster(CLUSTER).tasks(taskArns).include(TaskField.TAGS))
        .tasks();
  }

  static Tag podTag(String pod) {
    return Tag.builder().key("camelvk.io/pod").value(pod).build();
  }
}
