package io.camelvk.providers.mock.volumes;

import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import io.camelvk.providers.mock.files.ContainerFiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The volumes of one mock pod as its containers see them. The files the core wrote (ConfigMaps,
 * Secrets, downward API, tokens) are a read-only tree per volume, replaced when the core gives new
 * ones, so a whole-volume mount shows a change at once; a {@code subPath} mount keeps the files of
 * when its container started, as the kubelet's does. An emptyDir is one writable tree the pod's
 * containers share.
 */
public final class PodVolumeFiles {

  private final Map<String, ContainerFiles> emptyDirs;
  private volatile Snapshot written = new Snapshot(Map.of());

  /** The files of the volumes at one moment: what a container started then mounts by subPath. */
  public static final class Snapshot {
    private final Map<String, ContainerFiles> trees;

    private Snapshot(Map<String, ContainerFiles> trees) {
      this.trees = trees;
    }

    private ContainerFiles tree(String volume) {
      ContainerFiles tree = trees.get(volume);
      return tree != null ? tree : ContainerFiles.volume();
    }
  }

  private PodVolumeFiles(Set<String> emptyDirs) {
    Map<String, ContainerFiles> dirs = new HashMap<>();
    emptyDirs.forEach(name -> dirs.put(name, ContainerFiles.volume()));
    this.emptyDirs = Map.copyOf(dirs);
  }

  /** The volumes of the pod's spec, with no files yet. */
  public static PodVolumeFiles of(Pod pod) {
    return new PodVolumeFiles(
        Set.copyOf(
            pod.getSpec().getVolumes().stream()
                .filter(v -> VolumeKind.of(v).orElse(VolumeKind.EMPTY_DIR) == VolumeKind.EMPTY_DIR)
                .map(Volume::getName)
                .toList()));
  }

  /** Takes the files of the volumes as the core gives them now. */
  public void update(PodVolumes volumes) {
    Map<String, ContainerFiles> trees = new HashMap<>();
    for (ResolvedVolume volume : volumes.volumes()) {
      if (!emptyDirs.containsKey(volume.name())) {
        trees.put(volume.name(), tree(volume));
      }
    }
    written = new Snapshot(Map.copyOf(trees));
  }

  /** The files as they are now, for the containers that start now. */
  public Snapshot snapshot() {
    return written;
  }

  /**
   * A container's file system with its mounts: what {@code kubectl exec} works on.
   *
   * @param atStart the files when the container started, for its subPath mounts
   */
  public ContainerFiles fileSystemOf(Container container, Snapshot atStart) {
    ContainerFiles files = new ContainerFiles();
    for (VolumeMount mount : container.getVolumeMounts()) {
      String name = mount.getName();
      String subPath = mount.getSubPath() == null ? "" : mount.getSubPath();
      ContainerFiles dir = emptyDirs.get(name);
      if (dir != null) {
        files.mount(
            mount.getMountPath(), () -> dir, subPath, Boolean.TRUE.equals(mount.getReadOnly()));
      } else if (subPath.isEmpty()) {
        files.mount(mount.getMountPath(), () -> written.tree(name), subPath, true);
      } else {
        ContainerFiles started = atStart.tree(name);
        files.mount(mount.getMountPath(), () -> started, subPath, true);
      }
    }
    return files;
  }

  private static ContainerFiles tree(ResolvedVolume volume) {
    ContainerFiles tree = ContainerFiles.volume();
    for (VolumeFile file : volume.files()) {
      String path = ContainerFiles.resolve("/", file.path());
      ByteBuffer content = file.content();
      byte[] bytes = new byte[content.remaining()];
      content.get(bytes);
      tree.mkdirs(ContainerFiles.parent(path));
      tree.write(path, bytes, false);
    }
    return tree;
  }
}
