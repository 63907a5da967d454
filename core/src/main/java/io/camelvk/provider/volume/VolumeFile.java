package io.camelvk.provider.volume;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One file of a volume: its path relative to the volume's root ({@code key}, or {@code dir/key}
 * when an item says so), its bytes and its permission bits. The bytes may be a Secret's or a token:
 * {@link #toString} shows the path and the size only.
 *
 * @param mode the permission bits, for example {@code 0644} (420)
 */
public record VolumeFile(String path, byte[] bytes, int mode) {

  /** The kubelet's mode of a volume file when neither the item nor the volume sets one. */
  public static final int DEFAULT_MODE = 0644;

  public VolumeFile {
    if (path.isEmpty() || path.startsWith("/")) {
      throw new IllegalArgumentException("a volume file's path is relative: '" + path + "'");
    }
    bytes = bytes.clone();
  }

  /** A copy of the content: the file stays as it was made. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content without a copy, read-only. */
  public ByteBuffer content() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VolumeFile file
        && file.path.equals(path)
        && file.mode == mode
        && Arrays.equals(file.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * path.hashCode() + mode) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return path + " (" + bytes.length + " bytes, mode " + Integer.toOctalString(mode) + ")";
  }
}
