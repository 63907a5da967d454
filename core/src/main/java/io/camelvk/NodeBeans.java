package io.camelvk;

import io.camelvk.node.NodeDeletionWatch;
import io.camelvk.node.NodeLeaseRenewer;
import io.camelvk.node.NodeRegistrar;
import io.camelvk.node.NodeSettings;
import io.camelvk.node.NodeStatusReporter;
import io.camelvk.provider.NodeChangeNotifier;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.main.Main;
import org.slf4j.LoggerFactory;

/** The node's beans: registration, status (node-status route) and Lease (node-lease route). */
final class NodeBeans implements AutoCloseable {

  private final NodeRegistrar registrar;
  private final NodeStatusReporter reporter;
  private final NodeLeaseRenewer renewer;
  private final KubernetesClient client;
  private NodeDeletionWatch deletionWatch;
  private final ExecutorService changes =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("node-change").daemon().factory());

  NodeBeans(KubernetesClient client, NodeSettings settings, Provider provider, Clock clock) {
    this.registrar = new NodeRegistrar(client, settings);
    this.reporter = new NodeStatusReporter(client, registrar, settings, provider, clock);
    this.renewer = new NodeLeaseRenewer(client, registrar, reporter, clock);
    this.client = client;
    if (provider instanceof NodeChangeNotifier notifier) {
      notifier.onNodeChange(() -> changes.execute(this::reportQuietly));
    }
  }

  private void reportQuietly() {
    try {
      reporter.report();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(NodeBeans.class)
          .warn(
              "cannot write the node status after a provider change (the timer retries): {}",
              e.getMessage());
    }
  }

  /** Registers the node, writes its status and takes its Lease, before any pod is served. */
  void register() {
    registrar.register();
    reporter.report();
    renewer.renew();
    deletionWatch = new NodeDeletionWatch(client, registrar.nodeName(), reporter, renewer);
  }

  @Override
  public void close() {
    changes.shutdownNow();
    if (deletionWatch != null) {
      deletionWatch.close();
    }
  }

  NodeStatusReporter reporter() {
    return reporter;
  }

  void bindTo(Main main) {
    main.bind("nodeStatusReporter", reporter);
    main.bind("nodeLeaseRenewer", renewer);
  }
}
