package io.camelvk.pod.volume;

import io.camelvk.provider.volume.PodVolumes;
import java.time.Instant;
import java.util.Optional;

/**
 * A pod's volumes written for its provider, or why one cannot be.
 *
 * @param volumes the volumes, empty when one failed
 * @param digest a fingerprint of the files: a change of any name, path, mode or byte changes it
 * @param refreshAt when the first of its tokens is to be asked again, if it has any
 * @param failure the volume that cannot be set up now
 */
public record VolumeResolution(
    PodVolumes volumes, long digest, Optional<Instant> refreshAt, Optional<MountFailure> failure) {

  /** The kubelet's event reason when a volume cannot be set up. */
  public static final String FAILED_MOUNT = "FailedMount";

  /** A volume that cannot be set up, and the kubelet's reason ({@code configmap "x" not found}). */
  public record MountFailure(String volume, String reason) {

    /** The kubelet's event message. */
    public String message() {
      return "MountVolume.SetUp failed for volume \"" + volume + "\" : " + reason;
    }
  }

  static VolumeResolution resolved(PodVolumes volumes, Optional<Instant> refreshAt) {
    return new VolumeResolution(volumes, VolumeDigest.of(volumes), refreshAt, Optional.empty());
  }

  static VolumeResolution failed(String volume, String reason) {
    return new VolumeResolution(
        PodVolumes.NONE, 0, Optional.empty(), Optional.of(new MountFailure(volume, reason)));
  }

  public boolean failed() {
    return failure.isPresent();
  }
}
