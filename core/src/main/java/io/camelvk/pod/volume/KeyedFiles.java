package io.camelvk.pod.volume;

import io.camelvk.pod.env.ConfigLookup;
import io.camelvk.provider.volume.VolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of a ConfigMap or Secret volume, or of such a projection, like the kubelet's {@code
 * MakePayload}: without items every key is a file; with items only those, at their paths, with
 * their modes; a missing source or key fails the volume unless it is optional.
 */
final class KeyedFiles {

  private final ConfigLookup lookup;
  private final String namespace;

  KeyedFiles(ConfigLookup lookup, String namespace) {
    this.lookup = lookup;
    this.namespace = namespace;
  }

  List<VolumeFile> configMap(String name, List<KeyToPath> items, int mode, Boolean optional)
      throws VolumeSetUpException {
    Optional<KeyedData> data = lookup.configMap(namespace, name).map(KeyedData::of);
    return files(source(KeyedData.CONFIG_MAP, name, data, optional), items, mode, optional);
  }

  List<VolumeFile> secret(String name, List<KeyToPath> items, int mode, Boolean optional)
      throws VolumeSetUpException {
    Optional<KeyedData> data = lookup.secret(namespace, name).map(KeyedData::of);
    return files(source(KeyedData.SECRET, name, data, optional), items, mode, optional);
  }

  private static KeyedData source(
      String kind, String name, Optional<KeyedData> found, Boolean optional)
      throws VolumeSetUpException {
    if (found.isPresent()) {
      return found.get();
    }
    if (Boolean.TRUE.equals(optional)) {
      return KeyedData.absent(kind, name);
    }
    throw new VolumeSetUpException(kind + " \"" + name + "\" not found");
  }

  private static List<VolumeFile> files(
      KeyedData data, List<KeyToPath> items, int mode, Boolean optional)
      throws VolumeSetUpException {
    List<VolumeFile> files = new ArrayList<>();
    if (items == null || items.isEmpty()) {
      data.entries().forEach((key, bytes) -> files.add(new VolumeFile(key, bytes, mode)));
      return files;
    }
    for (KeyToPath item : items) {
      byte[] bytes = data.entries().get(item.getKey());
      if (bytes == null) {
        if (Boolean.TRUE.equals(optional)) {
          continue;
        }
        throw new VolumeSetUpException(data.missingKeyMessage(item.getKey()));
      }
      files.add(
          new VolumeFile(item.getPath(), bytes, item.getMode() == null ? mode : item.getMode()));
    }
    return files;
  }
}
