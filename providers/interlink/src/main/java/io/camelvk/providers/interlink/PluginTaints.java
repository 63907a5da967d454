package io.camelvk.providers.interlink;

import io.camelvk.provider.NodeProfile;
import io.camelvk.providers.interlink.wire.PingResponse;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taints a plugin reports in its ping (interLink 0.6), as interLink's virtual kubelet applies
 * them ({@code updateNodeTaints}): a list, even an empty one, replaces the plugin's former taints,
 * an answer without one leaves them; a taint without a key and interLink's own {@link
 * #INTERLINK_SYSTEM_KEY} are skipped, an unknown effect becomes {@code NoSchedule}.
 */
final class PluginTaints {

  /** interLink's virtual-node taint, which a plugin may not set; the core sets its own instead. */
  static final String INTERLINK_SYSTEM_KEY = "virtual-node.interlink/no-schedule";

  private static final Logger LOG = LoggerFactory.getLogger(PluginTaints.class);
  private static final String DEFAULT_EFFECT = "NoSchedule";

  private volatile List<Taint> current = List.of();

  /** The plugin's taints after this ping answer: its list, or the former ones without any. */
  List<Taint> after(PingResponse answer) {
    if (answer != null && answer.taints() != null) {
      current = converted(answer.taints());
    }
    return current;
  }

  /** The plugin's taints as last reported (none before its first report). */
  List<Taint> current() {
    return current;
  }

  private static List<Taint> converted(List<PingResponse.Taint> reported) {
    List<Taint> taints = new ArrayList<>();
    for (PingResponse.Taint taint : reported) {
      if (taint == null || taint.key() == null || taint.key().isBlank()) {
        LOG.warn("the plugin's ping reports a taint without a key: skipped");
        continue;
      }
      if (taint.key().equals(INTERLINK_SYSTEM_KEY)) {
        continue;
      }
      taints.add(
          new TaintBuilder()
              .withKey(taint.key())
              .withValue(taint.value())
              .withEffect(effect(taint))
              .build());
    }
    return List.copyOf(taints);
  }

  private static String effect(PingResponse.Taint taint) {
    if (NodeProfile.TAINT_EFFECTS.contains(taint.effect())) {
      return taint.effect();
    }
    LOG.warn(
        "the plugin's ping reports taint {} with the unknown effect '{}': applied as {}",
        taint.key(),
        taint.effect(),
        DEFAULT_EFFECT);
    return DEFAULT_EFFECT;
  }
}
