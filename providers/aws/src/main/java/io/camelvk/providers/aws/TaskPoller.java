package io.camelvk.providers.aws;

import io.camelvk.providers.aws.task.TaskStatuses;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One round of the poll loop: the tasks of every pod this process runs, described {@value #BATCH}
 * at a time (so the calls grow with pods / {@value #BATCH}), and the statuses that changed since
 * the last round. A task ECS no longer knows (MISSING) fails its pod once.
 */
final class TaskPoller {

  /** DescribeTasks takes at most this many tasks. */
  static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(TaskPoller.class);

  private final EcsClient ecs;
  private final String cluster;
  private final TaskLedger ledger;
  private boolean lastRoundFailed;

  TaskPoller(EcsClient ecs, String cluster, TaskLedger ledger) {
    this.ecs = ecs;
    this.cluster = cluster;
    this.ledger = ledger;
  }

  /**
   * A batch whose DescribeTasks fails (after the SDK's retries) is left for the next round; the
   * others are reported. The first failure after a round without any is logged as a warning.
   */
  List<StatusReport> poll() {
    List<TaskLedger.Tracked> all = new ArrayList<>(ledger.all());
    List<StatusReport> changed = new ArrayList<>();
    boolean failed = false;
    for (int from = 0; from < all.size(); from += BATCH) {
      try {
        describe(all.subList(from, Math.min(all.size(), from + BATCH)), changed);
      } catch (SdkException e) {
        log(e);
        failed = true;
      }
    }
    lastRoundFailed = failed;
    return changed;
  }

  private void log(SdkException failure) {
    if (lastRoundFailed) {
      LOG.debug("aws: DescribeTasks failed again: {}", failure.getMessage());
    } else {
      LOG.warn(
          "aws: DescribeTasks failed, its tasks are asked again next round: {}",
          failure.getMessage());
    }
  }

  private void describe(List<TaskLedger.Tracked> batch, List<StatusReport> changed) {
    Map<String, TaskLedger.Tracked> byArn =
        batch.stream().collect(Collectors.toMap(TaskLedger.Tracked::taskArn, Function.identity()));
    DescribeTasksResponse answer = ecs.describeTasks(d -> d.cluster(cluster).tasks(byArn.keySet()));
    for (Task task : answer.tasks()) {
      TaskLedger.Tracked tracked = byArn.get(task.taskArn());
      if (tracked != null) {
        report(tracked, TaskStatuses.of(tracked.pod(), task), changed);
      }
    }
    Set<String> answered = answer.tasks().stream().map(Task::taskArn).collect(Collectors.toSet());
    Set<String> failed =
        answer.failures().stream()
            .filter(f -> !"MISSING".equals(f.reason()))
            .map(Failure::arn)
            .collect(Collectors.toSet());
    byArn.forEach(
        (arn, tracked) -> {
          if (!answered.contains(arn) && !failed.contains(arn)) {
            report(tracked, TaskStatuses.vanished(tracked.pod(), arn), changed);
          }
        });
  }

  private void report(TaskLedger.Tracked tracked, PodStatus status, List<StatusReport> changed) {
    if (ledger.changed(tracked.uid(), status)) {
      changed.add(new StatusReport(tracked.namespace(), tracked.name(), tracked.uid(), status));
    }
  }
}
