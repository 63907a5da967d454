package io.camelvk.bench;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;

/** Whether a node is Ready, and whether the scheduler would place pods on it yet. */
final class NodeReadiness {

  /** The prefix of the taints the control plane sets on a node that is not ready (yet). */
  private static final String CONTROL_PLANE_TAINTS = "node.kubernetes.io/";

  private NodeReadiness() {}

  static boolean ready(Node node) {
    List<NodeCondition> conditions =
        node == null || node.getStatus() == null ? null : node.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Ready, and without a taint of the node lifecycle controller (not-ready, unreachable) that would
   * hold the first pods of a run back.
   */
  static boolean schedulable(Node node) {
    if (!ready(node)) {
      return false;
    }
    List<Taint> taints = node.getSpec() == null ? null : node.getSpec().getTaints();
    return taints == null
        || taints.stream().noneMatch(t -> t.getKey().startsWith(CONTROL_PLANE_TAINTS));
  }
}
