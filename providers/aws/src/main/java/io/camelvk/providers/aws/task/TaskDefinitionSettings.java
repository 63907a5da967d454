package io.camelvk.providers.aws.task;

import java.util.Objects;

/**
 * What a pod's task definition takes from the provider's configuration ({@code vk.provider.aws.*}).
 *
 * @param region the region of the log group, for the {@code awslogs} driver
 * @param logGroup the CloudWatch Logs group the containers write to
 * @param executionRoleArn the role ECS pulls images and writes logs with; null for none
 * @param taskRoleArn the role the containers call AWS with; null for none
 * @param volumeImage the image of the container that writes the volumes' files ({@link
 *     VolumeFilesContainer})
 */
public record TaskDefinitionSettings(
    String region,
    String logGroup,
    String executionRoleArn,
    String taskRoleArn,
    String volumeImage) {

  public TaskDefinitionSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(logGroup, "logGroup");
    Objects.requireNonNull(volumeImage, "volumeImage");
  }
}
