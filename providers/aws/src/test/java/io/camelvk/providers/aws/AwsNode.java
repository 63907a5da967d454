package io.camelvk.providers.aws;

import io.camelvk.config.VkSettings;
import io.camelvk.providers.aws.task.TaskTags;
import io.camelvk.test.LoopbackTcpProxy;
import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A node for the ITs: moto_server with a cluster, reached through a proxy the test can cut and one
 * that gives containers the exit codes the test chooses ({@link DescribeTasksProxy}), and a kubelet
 * whose provider mapping puts the pods labelled {@code backend: aws} on the aws provider and the
 * rest on the mock.
 */
final class AwsNode {

  /** The node's status, and with it DescribeClusters, every 2 s instead of every minute. */
  private static final String NODE_STATUS_PERIOD_MILLIS = "2000";

  private final MotoCluster moto;
  private final DescribeTasksProxy tasksProxy;
  private final LoopbackTcpProxy proxy;
  private RunningKubelet kubelet;

  private AwsNode(
      MotoCluster moto,
      DescribeTasksProxy tasksProxy,
      LoopbackTcpProxy proxy,
      RunningKubelet kubelet) {
    this.moto = moto;
    this.tasksProxy = tasksProxy;
    this.proxy = proxy;
    this.kubelet = kubelet;
  }

  static AwsNode start(TestCluster cluster, Path dir) {
    MotoCluster moto = MotoCluster.start("it-" + cluster.namespace());
    DescribeTasksProxy tasksProxy = DescribeTasksProxy.to(moto.moto().endpoint());
    LoopbackTcpProxy proxy = LoopbackTcpProxy.to(tasksProxy.endpoint());
    try {
      Map<String, String> properties = new HashMap<>(moto.providerProperties());
      properties.put("vk.provider.aws.endpoint", proxy.url());
      properties.put("vk.node.status-period-millis", NODE_STATUS_PERIOD_MILLIS);
      VkSettings settings = ProviderBesideMock.settings(cluster, dir, "aws", properties);
      return new AwsNode(
          moto,
          tasksProxy,
          proxy,
          RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings)));
    } catch (RuntimeException e) {
      proxy.close();
      tasksProxy.close();
      moto.close();
      throw e;
    }
  }

  MotoCluster moto() {
    return moto;
  }

  /** Where the test changes what DescribeTasks answers as moto cannot. */
  DescribeTasksProxy tasksProxy() {
    return tasksProxy;
  }

  LoopbackTcpProxy proxy() {
    return proxy;
  }

  RunningKubelet kubelet() {
    return kubelet;
  }

  URI endpoint() {
    return moto.moto().endpoint();
  }

  /** A new kubelet process with new provider routes and beans: it knows the tasks only from ECS. */
  void restart(TestCluster cluster) {
    stopKubelet();
    startKubelet(cluster);
  }

  /** The kubelet stops; its node, tasks and moto stay. */
  void stopKubelet() {
    kubelet.close();
  }

  /** After {@link #stopKubelet}: a new process, as {@link #restart} makes one. */
  void startKubelet(TestCluster cluster) {
    kubelet =
        RunningKubelet.start(
            cluster, kubelet.settings(), RunningKubelet.providers(kubelet.settings()));
  }

  /**
   * A pod bound to the node that the provider mapping puts on aws ({@code backend: aws}),
   * tolerating the node's taint.
   */
  Pod pod(String name, String restartPolicy) {
    return new PodBuilder(TestPods.boundTo(kubelet.nodeName(), name).build())
        .editMetadata()
        .addToLabels(ProviderBesideMock.LABEL, "aws")
        .endMetadata()
        .editSpec()
        .withRestartPolicy(restartPolicy)
        .withTolerations(TestPods.anyProviderToleration())
        .endSpec()
        .build();
  }

  /** The tasks on moto, with this status, of the pods with these UIDs (by their tags). */
  List<Task> tasksOf(List<String> uids, DesiredStatus status) {
    return moto.tasks(status).stream()
        .filter(
            t ->
                t.tags().stream()
                    .anyMatch(tag -> TaskTags.UID.equals(tag.key()) && uids.contains(tag.value())))
        .toList();
  }

  /** The running task of the pod with this UID. */
  Task runningTask(String uid) {
    return tasksOf(List.of(uid), DesiredStatus.RUNNING).getFirst();
  }

  void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    proxy.close();
    tasksProxy.close();
    moto.close();
  }
}
