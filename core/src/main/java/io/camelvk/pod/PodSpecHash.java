package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Objects;

/**
 * A fingerprint of the parts of a pod spec that may change while it runs (container images,
 * activeDeadlineSeconds, tolerations, and apart the containers' resources, which a resize changes),
 * to tell an update from a status-only change. Computed on every sync, so it is plain string
 * building.
 */
final class PodSpecHash {

  private static final String RESOURCES = "|r:";

  private PodSpecHash() {}

  static String of(Pod pod) {
    var spec = pod.getSpec();
    StringBuilder fingerprint = new StringBuilder();
    for (Container c : spec.getInitContainers()) {
      fingerprint.append("i:").append(c.getName()).append('=').append(c.getImage()).append(';');
    }
    for (Container c : spec.getContainers()) {
      fingerprint.append("c:").append(c.getName()).append('=').append(c.getImage()).append(';');
    }
    fingerprint.append("d:").append(spec.getActiveDeadlineSeconds()).append(';');
    for (Toleration t : spec.getTolerations()) {
      fingerprint
          .append("t:")
          .append(t.getKey())
          .append(',')
          .append(t.getOperator())
          .append(',')
          .append(t.getValue())
          .append(',')
          .append(t.getEffect())
          .append(',')
          .append(Objects.toString(t.getTolerationSeconds(), ""))
          .append(';');
    }
    return fingerprint.append(RESOURCES).append(resources(spec.getContainers())).toString();
  }

  /** Whether two fingerprints differ only in the containers' resources (a resize). */
  static boolean onlyResourcesDiffer(String before, String after) {
    return !before.equals(after)
        && before
            .substring(0, before.indexOf(RESOURCES))
            .equals(after.substring(0, after.indexOf(RESOURCES)));
  }

  private static String resources(List<Container> containers) {
    StringBuilder fingerprint = new StringBuilder();
    for (Container c : containers) {
      if (c.getResources() != null) {
        fingerprint
            .append(c.getName())
            .append('=')
            .append(c.getResources().getRequests())
            .append('/')
            .append(c.getResources().getLimits())
            .append(';');
      }
    }
    return fingerprint.toString();
  }
}
