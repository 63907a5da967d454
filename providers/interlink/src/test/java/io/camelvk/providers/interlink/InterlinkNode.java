package io.camelvk.providers.interlink;

import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.test.ProviderBesideMock;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A node for the ITs: the fake plugin on a unix socket, and a kubelet whose provider mapping puts
 * the pods labelled {@code backend: interlink} on the interlink provider and the rest on the mock.
 */
final class InterlinkNode {

  static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  /** The node's status, and with it a ping of the plugin, every 2 s instead of every minute. */
  static final String NODE_STATUS_PERIOD_MILLIS = "2000";

  private final FakePlugin plugin;
  private RunningKubelet kubelet;

  private InterlinkNode(FakePlugin plugin, RunningKubelet kubelet) {
    this.plugin = plugin;
    this.kubelet = kubelet;
  }

  static InterlinkNode start(TestCluster cluster, Path dir) {
    FakePlugin plugin = FakePlugin.onSocket(dir.resolve("interlink.sock"));
    try {
      VkSettings settings =
          ProviderBesideMock.settings(
              cluster,
              dir,
              InterlinkProvider.NAME,
              Map.of(
                  "vk.provider.interlink.url",
                  plugin.url(),
                  "vk.provider.interlink.state-dir",
                  dir.resolve("state").toString(),
                  "vk.node.status-period-millis",
                  NODE_STATUS_PERIOD_MILLIS));
      return new InterlinkNode(
          plugin, RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings)));
    } catch (RuntimeException e) {
      plugin.close();
      throw e;
    }
  }

  FakePlugin plugin() {
    return plugin;
  }

  RunningKubelet kubelet() {
    return kubelet;
  }

  /**
   * A new kubelet process with a new provider bean, which knows the pods only from its state
   * directory (RunningKubelet.restart would keep the bean, and with it the pods in memory).
   */
  void restart(TestCluster cluster) {
    VkSettings settings = kubelet.settings();
    kubelet.close();
    kubelet.providers().bean(InterlinkProvider.NAME).ifPresent(InterlinkNode::closeQuietly);
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  private static void closeQuietly(Object provider) {
    if (provider instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // the old process is gone either way
      }
    }
  }

  void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    plugin.close();
  }

  /** A pod bound to the node that the mapping gives the interlink provider. */
  PodBuilder pod(String name) {
    return new PodBuilder(TestPods.boundTo(kubelet.nodeName(), name).build())
        .editMetadata()
        .addToLabels(ProviderBesideMock.LABEL, InterlinkProvider.NAME)
        .endMetadata();
  }

  static void awaitPhase(TestCluster cluster, String name, String phase) {
    await()
        .atMost(LOADED_MACHINE)
        .until(
            () -> {
              Pod pod = cluster.pod(name);
              return pod != null
                  && pod.getStatus() != null
                  && phase.equals(pod.getStatus().getPhase());
            });
  }

  static void deleteAndAwaitGone(TestCluster cluster, Pod pod) {
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
  }
}
