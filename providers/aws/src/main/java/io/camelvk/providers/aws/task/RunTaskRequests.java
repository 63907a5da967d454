package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * The RunTask of a pod: one Fargate task of its definition, started by the node and tagged with the
 * pod ({@link TaskTags}). The pod's UID is the client token, so a RunTask repeated after a lost
 * answer starts no second task.
 */
public final class RunTaskRequests {

  /** The longest {@code startedBy} ECS takes. */
  static final int STARTED_BY_MAX_LENGTH = 128;

  private static final Pattern NOT_STARTED_BY = Pattern.compile("[^A-Za-z0-9/_-]");

  private final RunTaskSettings settings;

  public RunTaskRequests(RunTaskSettings settings) {
    this.settings = settings;
  }

  public RunTaskRequest of(Pod pod, String taskDefinitionArn) {
    return RunTaskRequest.builder()
        .cluster(settings.cluster())
        .taskDefinition(taskDefinitionArn)
        .launchType(LaunchType.FARGATE)
        .platformVersion(settings.platformVersion())
        .networkConfiguration(network())
        .count(1)
        .startedBy(startedBy(settings.nodeName()))
        .clientToken(pod.getMetadata().getUid())
        .tags(TaskTags.of(pod, settings.nodeName()).tags())
        .build();
  }

  private NetworkConfiguration network() {
    return NetworkConfiguration.builder()
        .awsvpcConfiguration(
            AwsVpcConfiguration.builder()
                .subnets(settings.subnets())
                .securityGroups(
                    settings.securityGroups().isEmpty() ? null : settings.securityGroups())
                .assignPublicIp(
                    settings.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)
                .build())
        .build();
  }

  /**
   * The node's name as ECS takes it: cut to 128 characters, and each character other than letters,
   * digits, {@code -}, {@code /} and {@code _} (the dots of a DNS name) replaced by {@code -}.
   */
  public static String startedBy(String nodeName) {
    String cut =
        nodeName.length() <= STARTED_BY_MAX_LENGTH
            ? nodeName
            : nodeName.substring(0, STARTED_BY_MAX_LENGTH);
    return NOT_STARTED_BY.matcher(cut).replaceAll("-");
  }
}
