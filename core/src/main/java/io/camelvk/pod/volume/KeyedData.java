package io.camelvk.pod.volume;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ConfigMap's or a Secret's keys with their bytes, as a volume writes them, and how the kubelet
 * names the kind in its messages.
 *
 * @param kind {@code configmap} or {@code secret}
 */
record KeyedData(String kind, String name, Map<String, byte[]> entries) {

  static final String CONFIG_MAP = "configmap";
  static final String SECRET = "secret";

  /** A ConfigMap's {@code data} as UTF-8 and its {@code binaryData} decoded. */
  static KeyedData of(ConfigMap map) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (map.getData() != null) {
      map.getData().forEach((k, v) -> entries.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (map.getBinaryData() != null) {
      map.getBinaryData().forEach((k, v) -> entries.put(k, Base64.getDecoder().decode(v)));
    }
    return new KeyedData(CONFIG_MAP, map.getMetadata().getName(), entries);
  }

  /** A Secret's {@code data} decoded, and any {@code stringData} as UTF-8. */
  static KeyedData of(Secret secret) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> entries.put(k, Base64.getDecoder().decode(v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> entries.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    return new KeyedData(SECRET, secret.getMetadata().getName(), entries);
  }

  /** An optional source that does not exist: a volume with no files. */
  static KeyedData absent(String kind, String name) {
    return new KeyedData(kind, name, Map.of());
  }

  /** The kubelet's message for a key an item names that this source lacks. */
  String missingKeyMessage(String key) {
    return kind.equals(CONFIG_MAP)
        ? "configmap references non-existent config key: " + key
        : "references non-existent secret key: " + key;
  }

  @Override
  public String toString() {
    return kind + " " + name + " (" + entries.size() + " keys)";
  }
}
