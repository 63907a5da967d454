package io.camelvk.providers.aws;

import io.camelvk.providers.aws.task.ContainerLogs;
import io.camelvk.providers.aws.task.TaskId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * A moto_server with an ECS cluster for the provider, tasks moved by hand (they stay RUNNING until
 * a test moves them), the provider's properties to reach it, and an operator who stops the task of
 * a named pod once it runs, as a container that exits would end it.
 */
public final class MotoCluster implements AutoCloseable {

  /** How often the operator looks for tasks to stop. */
  private static final long OPERATOR_PERIOD_MS = 200;

  /**
   * How long a task the operator stops has run first: long enough for the provider's poll loop
   * (every 300 ms here) to have reported it running.
   */
  private static final Duration RUNS_FOR = Duration.ofSeconds(3);

  private final MotoServer moto;
  private final String name;
  private final EcsClient ecs;
  private final CloudWatchLogsClient logs;
  private final List<String> subnets;
  private final Set<String> toStop = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> seenRunning = new ConcurrentHashMap<>();
  private final ScheduledExecutorService operator =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

  private MotoCluster(MotoServer moto, String name) {
    this.moto = moto;
    this.name = name;
    AwsClients clients = new AwsClients(Region.of(MotoServer.REGION), Optional.of(moto.endpoint()));
    this.ecs = clients.ecs();
    this.logs = clients.logs();
    moto.manualTaskTransitions();
    ecs.createCluster(c -> c.clusterName(name));
    this.subnets = moto.defaultSubnets();
    operator.scheduleWithFixedDelay(
        this::stopThoseToStop, OPERATOR_PERIOD_MS, OPERATOR_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  static MotoCluster start(String cluster) {
    return new MotoCluster(MotoServer.start(), cluster);
  }

  /** With moto's virtual environment and log under {@code buildDirectory} (the benchmark's). */
  public static MotoCluster start(String cluster, Path buildDirectory) {
    return new MotoCluster(MotoServer.start(buildDirectory), cluster);
  }

  /** The provider's properties: moto's endpoint, the cluster, a subnet, a short poll period. */
  public Map<String, String> providerProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("vk.provider.aws.region", MotoServer.REGION);
    properties.put("vk.provider.aws.endpoint", moto.endpoint().toString());
    properties.put("vk.provider.aws.cluster", name);
    properties.put("vk.provider.aws.subnets", subnets.getFirst());
    // moto refuses a RunTask without one (and checks no id).
    properties.put("vk.provider.aws.security-groups", "sg-0123456789abcdef0");
    properties.put("vk.provider.aws.poll-period", "300");
    return properties;
  }

  MotoServer moto() {
    return moto;
  }

  EcsClient ecs() {
    return ecs;
  }

  String name() {
    return name;
  }

  /** The task of pod {@code namespace/name} is stopped once it runs. */
  void stopWhenRunning(String namespace, String pod) {
    toStop.add(namespace + "/" + pod);
  }

  /** The tasks on the cluster, running or not, with their tags. */
  List<Task> tasks(DesiredStatus status) {
    List<String> arns = ecs.listTasks(l -> l.cluster(name).desiredStatus(status)).taskArns();
    if (arns.isEmpty()) {
      return List.of();
    }
    return ecs.describeTasks(d -> d.cluster(name).tasks(arns).include(TaskField.TAGS)).tasks();
  }

  /**
   * Writes lines to the container's stream in the provider's log group, as the task's awslogs
   * driver would (moto runs no container).
   */
  void putLog(Task task, String container, List<String> lines) {
    putLog(task, container, Instant.now(), lines);
  }

  /**
   * Like {@link #putLog(Task, String, List)}, the lines a millisecond apart from {@code at} (moto
   * takes lines up to 14 days old, in time order).
   */
  void putLog(Task task, String container, Instant at, List<String> lines) {
    String group = "camelvk";
    String stream = ContainerLogs.streamName(container, TaskId.of(task.taskArn()));
    try {
      logs.createLogGroup(g -> g.logGroupName(group));
    } catch (ResourceAlreadyExistsException exists) {
      // another test made it
    }
    try {
      logs.createLogStream(s -> s.logGroupName(group).logStreamName(stream));
    } catch (ResourceAlreadyExistsException exists) {
      // lines were put before
    }
    List<InputLogEvent> events = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      events.add(
          InputLogEvent.builder().timestamp(at.toEpochMilli() + i).message(lines.get(i)).build());
    }
    logs.putLogEvents(p -> p.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  private void stopThoseToStop() {
    if (toStop.isEmpty()) {
      return;
    }
    for (Task task : tasks(DesiredStatus.RUNNING)) {
      String pod = tag(task, "camelvk.io/namespace") + "/" + tag(task, "camelvk.io/name");
      if (!"RUNNING".equals(task.lastStatus()) || !toStop.contains(pod)) {
        continue;
      }
      Instant since = seenRunning.computeIfAbsent(task.taskArn(), arn -> Instant.now());
      if (Instant.now().isAfter(since.plus(RUNS_FOR)) && toStop.remove(pod)) {
        ecs.stopTask(
            s -> s.cluster(name).task(task.taskArn()).reason("Essential container exited"));
      }
    }
  }

  private static String tag(Task task, String key) {
    return task.tags().stream()
        .filter(t -> key.equals(t.key()))
        .map(Tag::value)
        .findFirst()
        .orElse("");
  }

  @Override
  public void close() {
    operator.shutdownNow();
    ecs.close();
    logs.close();
    moto.close();
  }
}
