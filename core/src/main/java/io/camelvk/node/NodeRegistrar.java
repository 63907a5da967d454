package io.camelvk.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers our node: creates it, or adopts an existing one and corrects our labels and our taint,
 * keeping whatever else others put there. Remembers the node's UID for the Lease's owner.
 */
public final class NodeRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(NodeRegistrar.class);
  private static final int CONFLICT = 409;

  private final KubernetesClient client;
  private final NodeSettings settings;
  private final NodeTemplate template;
  private volatile String uid;

  public NodeRegistrar(KubernetesClient client, NodeSettings settings) {
    this.client = client;
    this.settings = settings;
    this.template = new NodeTemplate(settings);
  }

  /** Creates or corrects the node (metadata and spec; the status is the reporter's). */
  public Node register() {
    Node existing = client.nodes().withName(settings.nodeName()).get();
    Node node = existing == null ? create() : correct(existing);
    uid = node.getMetadata().getUid();
    return node;
  }

  private Node create() {
    Node desired =
        new NodeBuilder()
            .withNewMetadata()
            .withName(settings.nodeName())
            .withLabels(template.labels())
            .endMetadata()
            .withNewSpec()
            .withTaints(template.taints(List.of()))
            .endSpec()
            .build();
    try {
      Node created = client.nodes().resource(desired).create();
      LOG.info("registered node {}", settings.nodeName());
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() == CONFLICT) {
        return correct(client.nodes().withName(settings.nodeName()).get());
      }
      throw e;
    }
  }

  private Node correct(Node existing) {
    var taints =
        template.taints(existing.getSpec() == null ? List.of() : existing.getSpec().getTaints());
    Map<String, Object> patch =
        Map.of(
            "metadata", Map.of("labels", template.labels()),
            "spec", Map.of("taints", taints));
    Node corrected =
        client
            .nodes()
            .withName(settings.nodeName())
            .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    LOG.info("adopted existing node {}", settings.nodeName());
    return corrected;
  }

  /** The UID of the node as last registered, or null before the first registration. */
  public String uid() {
    return uid;
  }

  public String nodeName() {
    return settings.nodeName();
  }
}
