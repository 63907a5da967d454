package io.camelvk.provider.volume;

import java.util.List;

/**
 * One volume of a pod as a provider receives it. A {@code configMap}, {@code secret}, {@code
 * downwardAPI} or {@code projected} volume has its files, written by the core as the kubelet writes
 * them; an {@code emptyDir} starts with none; a kind the provider serves beyond those (a {@code
 * persistentVolumeClaim}, say) has none either, the pod spec's volume saying what it is.
 *
 * @param name the volume's name in the pod spec, which the containers' {@code volumeMounts} name
 */
public record ResolvedVolume(String name, VolumeKind kind, List<VolumeFile> files) {

  public ResolvedVolume {
    files = List.copyOf(files);
  }

  /** The bytes of all its files. */
  public long size() {
    return files.stream().mapToLong(VolumeFile::size).sum();
  }

  @Override
  public String toString() {
    return name + " (" + kind.specName() + ": " + files + ")";
  }
}
