package io.camelvk.api.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node's cumulative CPU time as the sum of its pods' counters, kept from going back: a pod that
 * leaves the node, or whose counter restarts with a container, leaves its last count behind.
 */
final class NodeCpuTotal {

  private Map<String, Long> lastByPod = new HashMap<>();
  private long leftBehind;

  /**
   * The total after this scrape.
   *
   * @param sampled the pods sampled now
   * @param bound the UIDs of every pod still bound to the node, sampled or not: one whose sample
   *     failed keeps its last count
   */
  synchronized long update(List<PodSample> sampled, Set<String> bound) {
    Map<String, Long> current = new HashMap<>();
    for (PodSample pod : sampled) {
      current.put(pod.uid(), pod.usage().usageCoreNanoSeconds());
    }
    for (Map.Entry<String, Long> last : lastByPod.entrySet()) {
      Long now = current.get(last.getKey());
      if (now == null && bound.contains(last.getKey())) {
        current.put(last.getKey(), last.getValue());
      } else if (now == null || now < last.getValue()) {
        leftBehind += last.getValue();
      }
    }
    lastByPod = current;
    return leftBehind + current.values().stream().mapToLong(Long::longValue).sum();
  }
}
