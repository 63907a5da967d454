package io.camelvk.pod.env;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A ConfigMap or a Secret seen as plain key/value data, with the event reasons of its kind. */
record ConfigSource(String kind, String name, Map<String, String> data) {

  static Optional<ConfigSource> configMap(ConfigLookup lookup, String namespace, String name) {
    return lookup.configMap(namespace, name).map(ConfigSource::of);
  }

  static Optional<ConfigSource> secret(ConfigLookup lookup, String namespace, String name) {
    return lookup.secret(namespace, name).map(ConfigSource::of);
  }

  private static ConfigSource of(ConfigMap map) {
    return new ConfigSource(
        "configmap", map.getMetadata().getName(), map.getData() == null ? Map.of() : map.getData());
  }

  private static ConfigSource of(Secret secret) {
    Map<String, String> decoded = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  decoded.put(
                      k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      decoded.putAll(secret.getStringData());
    }
    return new ConfigSource("secret", secret.getMetadata().getName(), decoded);
  }

  static String notFoundReason(String kind, boolean optional) {
    return switch (kind) {
      case "configmap" ->
          optional
              ? EnvReasons.OPTIONAL_CONFIG_MAP_NOT_FOUND
              : EnvReasons.MANDATORY_CONFIG_MAP_NOT_FOUND;
      default ->
          optional ? EnvReasons.OPTIONAL_SECRET_NOT_FOUND : EnvReasons.MANDATORY_SECRET_NOT_FOUND;
    };
  }

  static String keyNotFoundReason(String kind, boolean optional) {
    return switch (kind) {
      case "configmap" ->
          optional
              ? EnvReasons.OPTIONAL_CONFIG_MAP_KEY_NOT_FOUND
              : EnvReasons.MANDATORY_CONFIG_MAP_KEY_NOT_FOUND;
      default ->
          optional
              ? EnvReasons.OPTIONAL_SECRET_KEY_NOT_FOUND
              : EnvReasons.MANDATORY_SECRET_KEY_NOT_FOUND;
    };
  }

  @Override
  public String toString() {
    return kind + " " + name + " (" + data.size() + " keys)";
  }
}
