package io.camelvk.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes the node's status (conditions, capacity, addresses, daemon endpoint, node info) every
 * {@link #UPDATE_PERIOD} and whenever asked, from what the providers say now ({@link
 * NodeProfiles}); re-registers the node if someone deleted it.
 */
public final class NodeStatusReporter {

  public static final Duration UPDATE_PERIOD = Duration.ofSeconds(60);
  private static final int NOT_FOUND = 404;

  private final KubernetesClient client;
  private final NodeRegistrar registrar;
  private final NodeTemplate template;
  private final NodeProfiles profiles;
  private final Clock clock;

  public NodeStatusReporter(
      KubernetesClient client,
      NodeRegistrar registrar,
      NodeSettings settings,
      NodeProfiles profiles,
      Clock clock) {
    this.client = client;
    this.registrar = registrar;
    this.template = new NodeTemplate(settings);
    this.profiles = profiles;
    this.clock = clock;
  }

  public synchronized void report() {
    profiles.refresh();
    try {
      write();
    } catch (KubernetesClientException e) {
      if (e.getCode() != NOT_FOUND) {
        throw e;
      }
      // Deleted between our read and our patch: registered again, the next write goes through.
      registrar.register();
      write();
    }
  }

  private void write() {
    Node current = client.nodes().withName(registrar.nodeName()).get();
    if (current == null || !current.getMetadata().getUid().equals(registrar.uid())) {
      current = registrar.register();
    }
    List<NodeCondition> previous =
        current.getStatus() == null ? List.of() : current.getStatus().getConditions();
    var status = template.status(profiles.combined(), previous, now());
    client
        .nodes()
        .withName(registrar.nodeName())
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }
}
