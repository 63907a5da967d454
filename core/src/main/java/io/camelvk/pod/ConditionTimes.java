package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Conditions whose status did not change since our last write keep the transition time we wrote, as
 * the kubelet's status manager keeps them from its own last status. A status composed while the
 * cache has not yet seen that write would otherwise carry a new time, differ, and be written again.
 */
final class ConditionTimes {

  private ConditionTimes() {}

  static PodStatus keptFrom(PodStatus written, PodStatus desired) {
    if (written == null || desired.getConditions() == null || written.getConditions() == null) {
      return desired;
    }
    List<PodCondition> conditions =
        desired.getConditions().stream().map(c -> keptFrom(written.getConditions(), c)).toList();
    if (conditions.equals(desired.getConditions())) {
      return desired;
    }
    return new PodStatusBuilder(desired).withConditions(conditions).build();
  }

  private static PodCondition keptFrom(List<PodCondition> written, PodCondition condition) {
    PodCondition earlier =
        written.stream()
            .filter(w -> Objects.equals(w.getType(), condition.getType()))
            .findFirst()
            .orElse(null);
    String since = since(earlier, condition.getStatus(), condition.getLastTransitionTime());
    return Objects.equals(since, condition.getLastTransitionTime())
        ? condition
        : new PodConditionBuilder(condition).withLastTransitionTime(since).build();
  }

  /**
   * When a condition with this status began: the earlier condition's transition time while its
   * status is the same, else {@code otherwise}.
   */
  static String since(PodCondition earlier, String status, String otherwise) {
    return earlier != null
            && Objects.equals(earlier.getStatus(), status)
            && earlier.getLastTransitionTime() != null
        ? earlier.getLastTransitionTime()
        : otherwise;
  }
}
