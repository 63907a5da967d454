package io.camelvk.providers.aws;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

/**
 * Deletes a pod: StopTask on its task, which ECS stops as a kubelet would (SIGTERM, then SIGKILL
 * after each container's stopTimeout, set from the pod's grace period when the task was defined),
 * and the pod forgotten. A pod this process does not run, or whose task ECS no longer knows, is
 * deleted already.
 */
final class TaskStopper {

  private final EcsClient ecs;
  private final String cluster;
  private final TaskLedger ledger;

  TaskStopper(EcsClient ecs, String cluster, TaskLedger ledger) {
    this.ecs = ecs;
    this.cluster = cluster;
    this.ledger = ledger;
  }

  void stop(String uid) {
    ledger
        .of(uid)
        .ifPresent(
            task -> {
              try {
                ecs.stopTask(
                    s ->
                        s.cluster(cluster)
                            .task(task.taskArn())
                            .reason(
                                "pod "
                                    + task.namespace()
                                    + "/"
                                    + task.name()
                                    + " deleted (camel-virtual-kubelet)"));
              } catch (InvalidParameterException taskNotFound) {
                // ECS no longer has the task: nothing is left to stop.
              }
              ledger.forget(uid);
            });
  }
}
