package io.camelvk.pod.volume;

import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 64-bit fingerprint of a pod's volumes (the first bytes of a SHA-256), kept per pod instead of
 * the files, to tell whether a provider has the files a sync would give it.
 */
final class VolumeDigest {

  private VolumeDigest() {}

  static long of(PodVolumes volumes) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (ResolvedVolume volume : volumes.volumes()) {
      text(sha, volume.name());
      text(sha, volume.kind().specName());
      for (VolumeFile file : volume.files()) {
        text(sha, file.path());
        sha.update(
            ByteBuffer.allocate(Integer.BYTES * 2).putInt(file.mode()).putInt(file.size()).flip());
        sha.update(file.content());
      }
    }
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  private static void text(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).flip());
    sha.update(bytes);
  }
}
