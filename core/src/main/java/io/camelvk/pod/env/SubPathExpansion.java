package io.camelvk.pod.env;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's {@code subPathExpr}: expanded with the container's environment into a {@code
 * subPath}, which must stay inside the volume (relative, no {@code ..}), so that a provider only
 * ever sees {@code subPath}.
 */
final class SubPathExpansion {

  private SubPathExpansion() {}

  /**
   * The container's mounts with every {@code subPathExpr} expanded; the same list when none has
   * one.
   *
   * @throws IllegalArgumentException with the kubelet's message for a path that leaves the volume
   */
  static List<VolumeMount> expand(String container, List<VolumeMount> mounts, List<EnvVar> env) {
    if (mounts.stream().allMatch(m -> m.getSubPathExpr() == null || m.getSubPathExpr().isEmpty())) {
      return mounts;
    }
    Map<String, String> values = new HashMap<>();
    env.forEach(v -> values.put(v.getName(), v.getValue()));
    List<VolumeMount> expanded = new ArrayList<>();
    for (VolumeMount mount : mounts) {
      if (mount.getSubPathExpr() == null || mount.getSubPathExpr().isEmpty()) {
        expanded.add(mount);
        continue;
      }
      String path = EnvExpansion.expand(mount.getSubPathExpr(), values::get);
      invalidity(path)
          .ifPresent(
              why -> {
                throw new IllegalArgumentException(
                    "failed to prepare subPath for volumeMount \""
                        + mount.getName()
                        + "\" of container \""
                        + container
                        + "\": "
                        + why);
              });
      VolumeMount copy = ShallowCopy.of(mount);
      copy.setSubPath(path);
      copy.setSubPathExpr(null);
      expanded.add(copy);
    }
    return expanded;
  }

  private static Optional<String> invalidity(String path) {
    if (path.startsWith("/")) {
      return Optional.of("subpath \"" + path + "\" must be a relative path");
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        return Optional.of("subpath \"" + path + "\" must not contain '..'");
      }
    }
    return Optional.empty();
  }
}
