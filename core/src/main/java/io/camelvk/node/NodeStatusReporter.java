package io.camelvk.node;

import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
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
import java.util.Optional;

/**
 * Writes the node's status (conditions, capacity, addresses, daemon endpoint, node info) every
 * {@link #UPDATE_PERIOD} and whenever asked, from what the providers say now ({@link
 * NodeProfiles}), and the providers' taints when they changed ({@link ProviderTaints});
 * re-registers the node if someone deleted it.
 */
public final class NodeStatusReporter {

  public static final Duration UPDATE_PERIOD = Duration.ofSeconds(60);
  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;

  private final KubernetesClient client;
  private final NodeRegistrar registrar;
  private final NodeTemplate template;
  private final NodeProfiles profiles;
  private final ProviderTaints providerTaints;
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
    this.providerTaints = new ProviderTaints(template::isCoreTaintKey);
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
    NodeProfile profile = profiles.combined();
    var status = template.status(profile, previous, now());
    Node written =
        client
            .nodes()
            .withName(registrar.nodeName())
            .subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                Serialization.asJson(Map.of("status", status)));
    writeTaints(written, profile.taints());
  }

  /** Patches the node's taints when the providers' changed; once more after a conflict. */
  private void writeTaints(Node node, List<Taint> reported) {
    Node base = node;
    for (int attempt = 1; base != null; attempt++) {
      Optional<Map<String, Object>> patch = providerTaints.patch(base, reported);
      if (patch.isEmpty()) {
        return;
      }
      try {
        client
            .nodes()
            .withName(registrar.nodeName())
            .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch.get()));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT || attempt == 2) {
          throw e;
        }
        base = client.nodes().withName(registrar.nodeName()).get();
      }
    }
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }
}
