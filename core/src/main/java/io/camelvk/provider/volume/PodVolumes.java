package io.camelvk.provider.volume;

import java.util.List;
import java.util.Optional;

/**
 * A pod's volumes, resolved, in the order of its spec: what a provider that takes volumes receives
 * with the pod on create and update (docs/providers/README.md). Where each container sees them is
 * the pod spec's {@code volumeMounts} ({@code subPathExpr} already expanded into {@code subPath}).
 * Immutable; {@link #toString} never shows a file's bytes.
 */
public record PodVolumes(List<ResolvedVolume> volumes) {

  /** No volumes: the pod has none, or its provider does not take them. */
  public static final PodVolumes NONE = new PodVolumes(List.of());

  public PodVolumes {
    volumes = List.copyOf(volumes);
  }

  /** The volume of that name. */
  public Optional<ResolvedVolume> volume(String name) {
    return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return "PodVolumes" + volumes;
  }
}
