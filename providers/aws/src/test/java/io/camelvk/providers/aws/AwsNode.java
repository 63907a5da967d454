package io.camelvk.providers.aws;

import io.camelvk.config.VkSettings;
import io.camelvk.test.LoopbackTcpProxy;
import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

  void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    proxy.close();
    tasksProxy.close();
    moto.close();
  }
}
