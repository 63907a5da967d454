package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of the parts of a pod spec that may change while it runs (container images,
 * activeDeadlineSeconds, tolerations), to tell an update from a status-only change.
 */
final class PodSpecHash {

  private PodSpecHash() {}

  static String of(Pod pod) {
    var spec = pod.getSpec();
    String mutable =
        Serialization.asJson(
                spec.getContainers().stream().map(c -> c.getName() + "=" + c.getImage()).toList())
            + Serialization.asJson(
                spec.getInitContainers().stream()
                    .map(c -> c.getName() + "=" + c.getImage())
                    .toList())
            + spec.getActiveDeadlineSeconds()
            + Serialization.asJson(spec.getTolerations());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(mutable.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
