package io.camelvk.providers.aws;

import io.camelvk.provider.ProviderException;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.providers.aws.task.RunTaskRequests;
import io.camelvk.providers.aws.task.TaskDefinitions;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

/**
 * Runs a pod as an ECS task: its task definition found or registered, then RunTask with the pod's
 * UID as client token, so that a create sent twice (a retry, a restart) starts one task. A pod that
 * runs already (same UID) changes nothing.
 */
final class TaskLauncher {

  private final EcsClient ecs;
  private final TaskDefinitions taskDefinitions;
  private final RunTaskRequests runs;
  private final TaskDefinitionRegistry definitions;
  private final TaskLedger ledger;

  TaskLauncher(
      EcsClient ecs,
      TaskDefinitions taskDefinitions,
      RunTaskRequests runs,
      TaskDefinitionRegistry definitions,
      TaskLedger ledger) {
    this.ecs = ecs;
    this.taskDefinitions = taskDefinitions;
    this.runs = runs;
    this.definitions = definitions;
    this.ledger = ledger;
  }

  /**
   * @return how the pod's size was rounded up to a Fargate one, for an event; empty when it was
   *     not, or when the pod runs already
   */
  Optional<String> run(Pod pod, PodVolumes volumes) {
    String uid = pod.getMetadata().getUid();
    if (ledger.of(uid).isPresent()) {
      return Optional.empty();
    }
    TaskDefinitions.PodTaskDefinition definition = taskDefinitions.of(pod, volumes);
    RunTaskResponse run = ecs.runTask(runs.of(pod, definitions.arnOf(definition.request())));
    if (run.tasks().isEmpty()) {
      throw ProviderException.transientFailure(
          "ECS did not start the task of "
              + pod.getMetadata().getNamespace()
              + "/"
              + pod.getMetadata().getName()
              + ": "
              + describe(run.failures()));
    }
    ledger.track(new TaskLedger.Tracked(pod, run.tasks().getFirst().taskArn()));
    return definition.size().roundingMessage();
  }

  private static String describe(List<Failure> failures) {
    if (failures.isEmpty()) {
      return "no task and no failure in the answer";
    }
    return failures.stream()
        .map(f -> f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")"))
        .collect(Collectors.joining("; "));
  }
}
