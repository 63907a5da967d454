package io.camelvk.providers.aws;

import io.camelvk.providers.aws.task.RunTaskRequests;
import io.camelvk.providers.aws.task.TaskStatuses;
import io.camelvk.providers.aws.task.TaskTags;
import io.camelvk.providers.aws.task.VolumeFilesContainer;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * The pods whose tasks run on the cluster for this node, found by the tasks' {@code startedBy} (the
 * node's name) and their tags, after a restart: each is tracked again, so that its status is polled
 * and its delete stops it, and the core adopts it (or deletes it when its pod is gone).
 */
final class TaskInventory {

  private final EcsClient ecs;
  private final AwsSettings settings;
  private final TaskLedger ledger;

  TaskInventory(EcsClient ecs, AwsSettings settings, TaskLedger ledger) {
    this.ecs = ecs;
    this.settings = settings;
    this.ledger = ledger;
  }

  List<Pod> pods() {
    List<String> arns = new ArrayList<>();
    ecs.listTasksPaginator(
            l ->
                l.cluster(settings.cluster())
                    .startedBy(RunTaskRequests.startedBy(settings.node()))
                    .desiredStatus(DesiredStatus.RUNNING))
        .forEach(page -> arns.addAll(page.taskArns()));
    List<Pod> pods = new ArrayList<>();
    for (int from = 0; from < arns.size(); from += TaskPoller.BATCH) {
      List<String> batch = arns.subList(from, Math.min(arns.size(), from + TaskPoller.BATCH));
      ecs.describeTasks(d -> d.cluster(settings.cluster()).tasks(batch).include(TaskField.TAGS))
          .tasks()
          .forEach(task -> adopt(task).ifPresent(pods::add));
    }
    return pods;
  }

  private Optional<Pod> adopt(Task task) {
    return TaskTags.of(task)
        .filter(tags -> tags.node().equals(settings.node()))
        .map(
            tags -> {
              TaskLedger.Tracked tracked =
                  ledger
                      .of(tags.uid())
                      .orElseGet(() -> new TaskLedger.Tracked(pod(tags, task), task.taskArn()));
              ledger.track(tracked);
              Pod pod = tracked.pod();
              pod.setStatus(TaskStatuses.of(pod, task));
              return pod;
            });
  }

  /**
   * The pod a task was started for, as far as the task tells: its tags and containers, the one that
   * wrote the volumes' files left out.
   */
  private static Pod pod(TaskTags tags, Task task) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(tags.namespace())
        .withName(tags.name())
        .withUid(tags.uid())
        .endMetadata()
        .withNewSpec()
        .withContainers(
            task.containers().stream()
                .filter(c -> !VolumeFilesContainer.NAME.equals(c.name()))
                .map(c -> new ContainerBuilder().withName(c.name()).withImage(c.image()).build())
                .toList())
        .endSpec()
        .build();
  }
}
