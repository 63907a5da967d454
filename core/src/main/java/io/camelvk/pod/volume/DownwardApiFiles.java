package io.camelvk.pod.volume;

import io.camelvk.pod.env.DownwardApi;
import io.camelvk.pod.env.NodeFacts;
import io.camelvk.provider.volume.VolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a downward API volume or projection, like the kubelet's {@code CollectData}: a field
 * of the pod's metadata, all its labels or annotations (one {@code key="value"} line each, sorted,
 * values quoted as Go quotes them), or a container's resource in units of the divisor.
 */
final class DownwardApiFiles {

  private DownwardApiFiles() {}

  static List<VolumeFile> of(Pod pod, List<DownwardAPIVolumeFile> items, int mode, NodeFacts node)
      throws VolumeSetUpException {
    List<VolumeFile> files = new ArrayList<>();
    for (DownwardAPIVolumeFile item : items == null ? List.<DownwardAPIVolumeFile>of() : items) {
      String value = value(pod, item, node);
      files.add(
          new VolumeFile(
              item.getPath(),
              value.getBytes(StandardCharsets.UTF_8),
              item.getMode() == null ? mode : item.getMode()));
    }
    return files;
  }

  private static String value(Pod pod, DownwardAPIVolumeFile item, NodeFacts node)
      throws VolumeSetUpException {
    try {
      if (item.getFieldRef() != null) {
        return switch (item.getFieldRef().getFieldPath()) {
          case "metadata.labels" -> formatMap(pod.getMetadata().getLabels());
          case "metadata.annotations" -> formatMap(pod.getMetadata().getAnnotations());
          default -> DownwardApi.field(pod, item.getFieldRef(), node);
        };
      }
      if (item.getResourceFieldRef() != null) {
        String container = item.getResourceFieldRef().getContainerName();
        if (container == null || container.isEmpty()) {
          throw new IllegalArgumentException("resourceFieldRef of a volume names no container");
        }
        return DownwardApi.resource(pod, null, item.getResourceFieldRef(), node);
      }
    } catch (IllegalArgumentException e) {
      throw new VolumeSetUpException(e.getMessage());
    }
    return "";
  }

  /** The kubelet's {@code fieldpath.FormatMap}. */
  static String formatMap(Map<String, String> map) {
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(map == null ? Map.<String, String>of() : map)
        .forEach(
            (key, value) -> {
              if (!lines.isEmpty()) {
                lines.append('\n');
              }
              lines.append(key).append('=').append(goQuoted(value));
            });
    return lines.toString();
  }

  /** Go's {@code %q} of a string: in double quotes, with Go's escapes for what is not printable. */
  static String goQuoted(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case 7 -> quoted.append("\\a");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case 11 -> quoted.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
