package io.camelvk.providers.aws.task;

/**
 * The ID of a task: the last part of its ARN ({@code
 * arn:aws:ecs:<region>:<account>:task/<cluster>/<id>}).
 */
public final class TaskId {

  private TaskId() {}

  public static String of(String taskArn) {
    return taskArn.substring(taskArn.lastIndexOf('/') + 1);
  }
}
