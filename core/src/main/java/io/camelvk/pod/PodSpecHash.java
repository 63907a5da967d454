package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fingerprint of the parts of a pod spec that may change while it runs (container images,
 * activeDeadlineSeconds, tolerations, and apart the containers' resources, which a resize changes),
 * to tell an update from a status-only change. Computed on every sync, so it is plain string
 * building.
 */
final class PodSpecHash {

  private static final String RESOURCES = "|r:";
  private static final String EPHEMERAL = "|e:";

  /** The parts of a spec that can change on a running pod, each told apart. */
  enum Part {
    /** Images, the deadline, tolerations. */
    SPEC,
    /** Container resources: a resize. */
    RESOURCES,
    /** Ephemeral containers: kubectl debug. */
    EPHEMERAL
  }

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
    fingerprint.append(RESOURCES).append(resources(spec.getContainers())).append(EPHEMERAL);
    for (EphemeralContainer c : spec.getEphemeralContainers()) {
      fingerprint.append(c.getName()).append('=').append(c.getImage()).append(';');
    }
    return fingerprint.toString();
  }

  /** The parts in which two fingerprints differ. */
  static Set<Part> changed(String before, String after) {
    Set<Part> changed = EnumSet.noneOf(Part.class);
    if (before.equals(after)) {
      return changed;
    }
    for (Part part : Part.values()) {
      if (!part(before, part).equals(part(after, part))) {
        changed.add(part);
      }
    }
    return changed;
  }

  private static String part(String fingerprint, Part part) {
    int resources = fingerprint.indexOf(RESOURCES);
    int ephemeral = fingerprint.indexOf(EPHEMERAL);
    return switch (part) {
      case SPEC -> fingerprint.substring(0, resources);
      case RESOURCES -> fingerprint.substring(resources, ephemeral);
      case EPHEMERAL -> fingerprint.substring(ephemeral);
    };
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
