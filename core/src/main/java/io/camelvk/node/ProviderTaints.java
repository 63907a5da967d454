package io.camelvk.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' taints on our node: put there while reported, removed once no longer reported,
 * each once by key and effect, with every other taint kept as it is. Which taints are the
 * providers' the node records in {@link #ANNOTATION} ({@code key:effect,...}), written in the same
 * patch, so that a restarted kubelet still removes those no longer reported. A provider may not use
 * the core's own taint key nor {@code node.kubernetes.io/} (the node lifecycle controller's; a
 * provider says "not ready" with its Ready condition).
 */
final class ProviderTaints {

  static final String ANNOTATION = "virtual-kubelet.io/provider-taints";
  static final String SYSTEM_PREFIX = "node.kubernetes.io/";

  private static final Logger LOG = LoggerFactory.getLogger(ProviderTaints.class);

  private final Predicate<String> coreKey;
  private volatile Set<String> lastRefused = Set.of();

  /**
   * @param coreKey whether a key is the core's own taint's
   */
  ProviderTaints(Predicate<String> coreKey) {
    this.coreKey = coreKey;
  }

  /**
   * The JSON merge patch that gives the node the reported taints, or empty when it has them: a
   * node-status period with nothing changed writes nothing. The patch carries the node's
   * resourceVersion, so that a taint someone adds meanwhile is not lost (the API server answers
   * 409).
   */
  Optional<Map<String, Object>> patch(Node node, List<Taint> reported) {
    Map<String, Taint> wanted = accepted(reported);
    Set<String> before = recorded(node);
    List<Taint> existing =
        node.getSpec() == null || node.getSpec().getTaints() == null
            ? List.of()
            : node.getSpec().getTaints();
    List<Taint> taints = merged(existing, wanted, before);
    if (triples(taints).equals(triples(existing)) && before.equals(wanted.keySet())) {
      return Optional.empty();
    }
    Map<String, Object> annotations = new HashMap<>();
    annotations.put(ANNOTATION, wanted.isEmpty() ? null : String.join(",", wanted.keySet()));
    return Optional.of(
        Map.of(
            "metadata",
            Map.of(
                "annotations",
                annotations,
                "resourceVersion",
                node.getMetadata().getResourceVersion()),
            "spec",
            Map.of("taints", taints)));
  }

  /**
   * The node's taints without the providers' former ones, with the wanted ones where they were (an
   * unchanged one as it is, its timeAdded kept), the new ones at the end.
   */
  private static List<Taint> merged(
      List<Taint> existing, Map<String, Taint> wanted, Set<String> before) {
    List<Taint> taints = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (Taint taint : existing) {
      String id = id(taint);
      Taint reportedNow = wanted.get(id);
      if (reportedNow != null && placed.add(id)) {
        taints.add(value(taint).equals(value(reportedNow)) ? taint : reportedNow);
      } else if (reportedNow == null && !before.contains(id)) {
        taints.add(taint);
      }
    }
    wanted.forEach(
        (id, taint) -> {
          if (!placed.contains(id)) {
            taints.add(taint);
          }
        });
    return taints;
  }

  /** The reported taints a provider may set, by {@code key:effect}, the first of each. */
  private Map<String, Taint> accepted(List<Taint> reported) {
    Map<String, Taint> accepted = new LinkedHashMap<>();
    Set<String> refused = new LinkedHashSet<>();
    for (Taint taint : reported) {
      if (coreKey.test(taint.getKey()) || taint.getKey().startsWith(SYSTEM_PREFIX)) {
        refused.add(taint.getKey());
      } else {
        accepted.putIfAbsent(id(taint), taint);
      }
    }
    if (!refused.equals(lastRefused) && !refused.isEmpty()) {
      LOG.warn(
          "a provider reports the taint keys {}, which are the core's or the node lifecycle"
              + " controller's: not applied",
          refused);
    }
    lastRefused = refused;
    return accepted;
  }

  private static Set<String> recorded(Node node) {
    Map<String, String> annotations = node.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ANNOTATION);
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
  }

  private static String id(Taint taint) {
    return taint.getKey() + ":" + taint.getEffect();
  }

  /** A taint's value; none and empty are the same to the API server. */
  private static String value(Taint taint) {
    return taint.getValue() == null ? "" : taint.getValue();
  }

  private static Set<List<String>> triples(List<Taint> taints) {
    return taints.stream().map(t -> List.of(id(t), value(t))).collect(Collectors.toSet());
  }
}
