package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The names of a pod's containers of every kind: init, regular and ephemeral. */
public final class PodSpecContainers {

  /** A container of the pod and where it is in the spec ({@code spec.containers{app}}). */
  public record Field(Container container, String fieldPath) {}

  private PodSpecContainers() {}

  /** The init containers, then the regular ones, with their field paths. */
  public static List<Field> withFieldPaths(Pod pod) {
    List<Field> fields = new ArrayList<>();
    pod.getSpec()
        .getInitContainers()
        .forEach(c -> fields.add(new Field(c, "spec.initContainers{" + c.getName() + "}")));
    pod.getSpec()
        .getContainers()
        .forEach(c -> fields.add(new Field(c, "spec.containers{" + c.getName() + "}")));
    return fields;
  }

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
