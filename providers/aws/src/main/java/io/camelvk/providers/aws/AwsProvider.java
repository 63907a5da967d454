package io.camelvk.providers.aws;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.VkHeaders;
import io.camelvk.provider.runtime.LogHeaders;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.providers.aws.task.RunTaskRequests;
import io.camelvk.providers.aws.task.TaskDefinitions;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/**
 * What the aws provider's routes call (bound as {@code awsBackend} by aws-beans.yaml): pods run as
 * ECS tasks, their statuses polled in one loop for all of them, the node's health from the cluster,
 * logs from CloudWatch Logs.
 */
public final class AwsProvider {

  private static final Logger LOG = LoggerFactory.getLogger(AwsProvider.class);

  static final String ROUNDING = "awsRounding";
  static final String ADOPTED = "awsAdopted";

  private AwsSettings settings;
  private EcsClient ecs;
  private CloudWatchLogsClient logs;

  private TaskLedger ledger;
  private TaskLauncher launcher;
  private TaskStopper stopper;
  private TaskPoller poller;
  private TaskInventory inventory;
  private ClusterHealth health;
  private TaskLogs taskLogs;

  public void init() {
    ledger = new TaskLedger();
    launcher =
        new TaskLauncher(
            ecs,
            new TaskDefinitions(settings.taskDefinitionSettings()),
            new RunTaskRequests(settings.runTaskSettings()),
            new TaskDefinitionRegistry(ecs),
            ledger);
    stopper = new TaskStopper(ecs, settings.cluster(), ledger);
    poller = new TaskPoller(ecs, settings.cluster(), ledger);
    inventory = new TaskInventory(ecs, settings, ledger);
    health = new ClusterHealth(settings);
    taskLogs = new TaskLogs(logs, settings.logGroup(), ledger);
  }

  /**
   * Runs the pod in the body as a task, with the files of its volumes (header {@code
   * VkPodVolumes}), unless it runs already; variable {@value #ROUNDING} says how its size was
   * rounded up to a Fargate one, when it was.
   */
  public void create(Exchange exchange) {
    Message in = exchange.getMessage();
    PodVolumes volumes = in.getHeader(VkHeaders.POD_VOLUMES, PodVolumes.class);
    launcher
        .run(in.getBody(Pod.class), volumes == null ? PodVolumes.NONE : volumes)
        .ifPresent(message -> exchange.setVariable(ROUNDING, message));
  }

  public void delete(Exchange exchange) {
    stopper.stop(exchange.getMessage().getHeader(VkHeaders.POD_UID, String.class));
  }

  /** The statuses that changed since the last round, for the poll route to report. */
  public List<StatusReport> poll() {
    return poller.poll();
  }

  /**
   * The pods whose tasks run for this node; variable {@value #ADOPTED} holds their statuses for the
   * core, as reports.
   */
  public List<Pod> pods(Exchange exchange) {
    List<Pod> pods;
    try {
      pods = inventory.pods();
    } catch (SdkException e) {
      // The node says why (route aws-node); a process that stopped here would say it nowhere.
      LOG.warn("aws: the node's tasks cannot be listed, none is adopted: {}", e.getMessage());
      pods = List.of();
    }
    exchange.setVariable(
        ADOPTED,
        pods.stream()
            .filter(p -> ledger.changed(p.getMetadata().getUid(), p.getStatus()))
            .map(
                p ->
                    new StatusReport(
                        p.getMetadata().getNamespace(),
                        p.getMetadata().getName(),
                        p.getMetadata().getUid(),
                        p.getStatus()))
            .toList());
    return pods;
  }

  public NodeProfile node(DescribeClustersResponse cluster) {
    return health.profile(cluster);
  }

  public NodeProfile unreachable(Exchange exchange) {
    return health.unreachable(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
  }

  public Object logs(Exchange exchange) {
    Message in = exchange.getMessage();
    return taskLogs.read(
        in.getHeader(VkHeaders.POD_NAMESPACE, String.class),
        in.getHeader(VkHeaders.POD_NAME, String.class),
        in.getHeader(VkHeaders.CONTAINER_NAME, String.class),
        LogHeaders.read(in));
  }

  /** How many pods' tasks this process tracks: none once every pod it ran is gone. */
  int tracked() {
    return ledger.size();
  }

  public void setSettings(AwsSettings settings) {
    this.settings = settings;
  }

  public void setEcs(EcsClient ecs) {
    this.ecs = ecs;
  }

  public void setLogs(CloudWatchLogsClient logs) {
    this.logs = logs;
  }
}
