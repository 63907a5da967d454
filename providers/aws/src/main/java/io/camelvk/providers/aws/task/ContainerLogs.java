package io.camelvk.providers.aws.task;

import java.util.Map;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;

/**
 * Where a container's output goes: the {@code awslogs} driver, into the configured log group, one
 * stream per container and task.
 */
public final class ContainerLogs {

  /** The prefix of every stream the provider's tasks write. */
  public static final String STREAM_PREFIX = "camelvk";

  private ContainerLogs() {}

  /**
   * The stream a container of a task writes: {@code camelvk/<container name>/<task id>}, the {@code
   * awslogs} driver's rule for a stream prefix.
   *
   * @param taskId the last part of the task's ARN
   */
  public static String streamName(String containerName, String taskId) {
    return STREAM_PREFIX + "/" + containerName + "/" + taskId;
  }

  static LogConfiguration configuration(TaskDefinitionSettings settings) {
    return LogConfiguration.builder()
        .logDriver(LogDriver.AWSLOGS)
        .options(
            Map.of(
                "awslogs-group", settings.logGroup(),
                "awslogs-region", settings.region(),
                "awslogs-stream-prefix", STREAM_PREFIX))
        .build();
  }
}
