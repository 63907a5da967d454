package io.camelvk.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Watches our own node; when someone deletes it, registers it again at once. */
public final class NodeDeletionWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeDeletionWatch.class);

  private final SharedIndexInformer<Node> informer;
  private final ExecutorService reRegistration =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("node-reregister").daemon().factory());

  public NodeDeletionWatch(
      KubernetesClient client,
      String nodeName,
      NodeStatusReporter reporter,
      NodeLeaseRenewer renewer) {
    this.informer =
        client
            .nodes()
            .withName(nodeName)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Node node) {}

                  @Override
                  public void onUpdate(Node before, Node after) {}

                  @Override
                  public void onDelete(Node node, boolean finalStateUnknown) {
                    reRegistration.execute(
                        () -> {
                          LOG.warn("node {} was deleted: registering it again", nodeName);
                          try {
                            reporter.report();
                            renewer.renew();
                          } catch (RuntimeException e) {
                            LOG.warn(
                                "cannot register node {} again yet (the timers retry): {}",
                                nodeName,
                                e.getMessage());
                          }
                        });
                  }
                });
  }

  @Override
  public void close() {
    informer.stop();
    reRegistration.shutdownNow();
  }
}
