package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The names of a pod's containers of every kind: init, regular and ephemeral. */
public final class PodSpecContainers {

  private PodSpecContainers() {}

  public static boolean has(PodSpec spec, String name) {
    if (spec == null) {
      return false;
    }
    return Stream.of(spec.getContainers(), spec.getInitContainers())
            .filter(Objects::nonNull)
            .flatMap(List::stream)
            .map(Container::getName)
            .anyMatch(name::equals)
        || (spec.getEphemeralContainers() != null
            && spec.getEphemeralContainers().stream().anyMatch(c -> name.equals(c.getName())));
  }
}
