package io.camelvk.providers.messaging;

import io.camelvk.config.ProviderSettings;
import io.camelvk.config.VkSettings;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import java.util.function.Function;

/**
 * A whole virtual kubelet on the test's control plane, its messaging provider on one transport,
 * with that transport's broker and a worker: what the messaging ITs run against.
 */
final class KubeletOnTransport implements AutoCloseable {

  private final TestCluster cluster;
  private final TestTransport transport;
  private final BrokerWorker worker;
  private final RunningKubelet kubelet;

  private KubeletOnTransport(
      TestCluster cluster, TestTransport transport, BrokerWorker worker, RunningKubelet kubelet) {
    this.cluster = cluster;
    this.transport = transport;
    this.worker = worker;
    this.kubelet = kubelet;
  }

  /**
   * @param providers the kubelet's providers, from its default settings and the started transport
   */
  static KubeletOnTransport start(
      TestCluster cluster, BrokerTransport kind, Function<Started, ProviderSettings> providers) {
    TestTransport transport = TestTransport.start(kind);
    BrokerWorker worker = transport.startWorker();
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings = settings.withProviders(providers.apply(new Started(settings, transport)));
    RunningKubelet kubelet =
        RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
    return new KubeletOnTransport(cluster, transport, worker, kubelet);
  }

  /** The messaging provider alone on the transport, with the core's ledger of provider calls. */
  static KubeletOnTransport start(TestCluster cluster, BrokerTransport kind) {
    return start(cluster, kind, started -> started.transport().providerSettings().withCallLedger());
  }

  /** The kubelet's default settings and the transport, to choose its providers from. */
  record Started(VkSettings settings, TestTransport transport) {}

  TestTransport transport() {
    return transport;
  }

  BrokerWorker worker() {
    return worker;
  }

  RunningKubelet kubelet() {
    return kubelet;
  }

  @Override
  public void close() {
    kubelet.stopAndDeleteNode(cluster);
    worker.close();
    transport.close();
  }
}
