package io.camelvk.provider.http;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's configuration file (JSON or YAML) with the keys of {@link HttpBackendSettings#KEYS}
 * at its top level: {@code url: https://backend:3000}, {@code ca-file: /etc/backend/ca.pem}.
 */
final class HttpBackendConfigFile {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private HttpBackendConfigFile() {}

  /**
   * @throws IllegalArgumentException when the file is no map or names a key that is no setting
   */
  static Map<String, String> read(String provider, Path file) {
    Object content;
    try (InputStream in = Files.newInputStream(file)) {
      content = YAML.unmarshal(in, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vk.provider." + provider + ".config " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "vk.provider." + provider + ".config " + file + " is no JSON or YAML: " + e.getMessage());
    }
    if (content == null) {
      return Map.of();
    }
    if (!(content instanceof Map<?, ?> entries)) {
      throw new IllegalArgumentException(
          "vk.provider." + provider + ".config " + file + " must be a map of settings");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          if (!HttpBackendSettings.KEYS.contains(String.valueOf(key))) {
            throw new IllegalArgumentException(
                "vk.provider."
                    + provider
                    + ".config "
                    + file
                    + ": unknown setting '"
                    + key
                    + "' (known: "
                    + String.join(", ", HttpBackendSettings.KEYS)
                    + ")");
          }
          if (value != null) {
            settings.put(String.valueOf(key), String.valueOf(value));
          }
        });
    return settings;
  }
}
