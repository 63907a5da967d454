package io.camelvk.providers.interlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camelvk.provider.http.HttpBackendSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * interLink's own virtual kubelet configuration ({@code InterLinkConfig.yaml}, {@code
 * pkg/virtualkubelet/config.go}), given as the provider's configuration file: what it says about
 * reaching interLink becomes {@code vk.provider.interlink.*} settings, so that an interLink
 * installation moves over with its file. {@code InterlinkURL} with {@code InterlinkPort} is the
 * {@code url} (a {@code unix://} one takes no port), {@code VKTokenFile} the {@code token-file},
 * {@code TLS} ({@code Enabled}, {@code CACertFile}, {@code CertFile}, {@code KeyFile}) the {@code
 * ca-file} and client certificate, and {@code Resources} ({@code CPU}, {@code Memory}, {@code
 * Pods}) the node's capacity until a ping reports the plugin's. Properties given explicitly win.
 */
final class InterlinkConfigFile {

  static final String CPU = "capacity-cpu";
  static final String MEMORY = "capacity-memory";
  static final String PODS = "capacity-pods";

  private InterlinkConfigFile() {}

  /** The file's settings under the explicit properties. */
  static Map<String, String> merged(Optional<Path> file, Map<String, String> properties) {
    Map<String, String> merged =
        new HashMap<>(file.map(InterlinkConfigFile::read).orElse(Map.of()));
    properties.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            merged.put(key, value);
          }
        });
    return merged;
  }

  static Map<String, String> read(Path file) {
    JsonNode config;
    try {
      config = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the interlink configuration " + file + " is not readable YAML: " + e.getMessage());
    }
    Map<String, String> settings = new HashMap<>();
    if (config == null || !config.isObject()) {
      return settings;
    }
    url(text(config, "InterlinkURL"), text(config, "InterlinkPort"))
        .ifPresent(url -> settings.put(HttpBackendSettings.URL, url));
    text(config, "VKTokenFile").ifPresent(f -> settings.put(HttpBackendSettings.TOKEN_FILE, f));
    JsonNode tls = config.path("TLS");
    if (tls.path("Enabled").asBoolean(false)) {
      text(tls, "CACertFile").ifPresent(f -> settings.put(HttpBackendSettings.CA_FILE, f));
      text(tls, "CertFile").ifPresent(f -> settings.put(HttpBackendSettings.CLIENT_CERT_FILE, f));
      text(tls, "KeyFile").ifPresent(f -> settings.put(HttpBackendSettings.CLIENT_KEY_FILE, f));
    }
    JsonNode resources = config.path("Resources");
    text(resources, "CPU").ifPresent(v -> settings.put(CPU, v));
    text(resources, "Memory").ifPresent(v -> settings.put(MEMORY, v));
    text(resources, "Pods").ifPresent(v -> settings.put(PODS, v));
    return settings;
  }

  private static Optional<String> url(Optional<String> url, Optional<String> port) {
    if (url.isEmpty() || url.get().startsWith("unix://") || port.isEmpty()) {
      return url;
    }
    return Optional.of(url.get() + ":" + port.get());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.asText().isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }
}
