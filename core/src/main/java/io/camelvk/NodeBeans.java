package io.camelvk;

import io.camelvk.node.NodeChanges;
import io.camelvk.node.NodeDeletionWatch;
import io.camelvk.node.NodeLeaseRenewer;
import io.camelvk.node.NodeProfiles;
import io.camelvk.node.NodeRegistrar;
import io.camelvk.node.NodeSettings;
import io.camelvk.node.NodeStatusReporter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.apache.camel.main.Main;

/**
 * The node's beans: registration, status (node-status route, and at once on a provider's change)
 * and Lease (node-lease route).
 */
final class NodeBeans implements AutoCloseable {

  private final NodeRegistrar registrar;
  private final NodeStatusReporter reporter;
  private final NodeLeaseRenewer renewer;
  private final NodeChanges changes;
  private final KubernetesClient client;
  private NodeDeletionWatch deletionWatch;

  NodeBeans(KubernetesClient client, NodeSettings settings, NodeProfiles profiles, Clock clock) {
    this.registrar = new NodeRegistrar(client, settings);
    this.reporter = new NodeStatusReporter(client, registrar, settings, profiles, clock);
    this.renewer = new NodeLeaseRenewer(client, registrar, reporter, clock);
    this.changes = new NodeChanges(reporter);
    this.client = client;
  }

  /** Registers the node, writes its status and takes its Lease, before any pod is served. */
  void register() {
    registrar.register();
    reporter.report();
    renewer.renew();
    deletionWatch = new NodeDeletionWatch(client, registrar.nodeName(), reporter, renewer);
  }

  NodeChanges changes() {
    return changes;
  }

  @Override
  public void close() {
    changes.close();
    if (deletionWatch != null) {
      deletionWatch.close();
    }
  }

  void bindTo(Main main) {
    main.bind("nodeStatusReporter", reporter);
    main.bind("nodeLeaseRenewer", renewer);
    main.bind("nodeChanges", changes);
  }
}
