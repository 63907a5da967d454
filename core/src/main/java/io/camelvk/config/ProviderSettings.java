package io.camelvk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers this node runs and how the core calls them.
 *
 * @param defaultName {@code --provider}: where the default mapping sends every pod
 * @param names every provider the node runs, the default first ({@code --provider} and {@code
 *     --providers})
 * @param configFiles each provider's configuration file, when it has one ({@code --provider-config}
 *     for the default, {@code vk.provider.<name>.config} for any)
 * @param mapping {@code --provider-mapping}: the route that places new pods; empty for the bundled
 *     one, which sends every pod to the default
 * @param callTimeout {@code --provider-call-timeout}
 * @param callLedger {@code --debug-provider-calls}: count every call by pod UID ({@code
 *     /debug/provider-calls})
 * @param properties the {@code vk.provider.<name>.*} properties of the node's providers, for their
 *     routes' placeholders ({@code {{vk.provider.web.url}}}) and their factories
 */
public record ProviderSettings(
    String defaultName,
    List<String> names,
    Map<String, Path> configFiles,
    Optional<Path> mapping,
    Duration callTimeout,
    boolean callLedger,
    Map<String, String> properties) {

  /** How long one provider call may take before it fails and is retried with backoff. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  public ProviderSettings {
    if (!names.contains(defaultName)) {
      List<String> all = new ArrayList<>(names);
      all.addFirst(defaultName);
      names = all;
    }
    names = List.copyOf(names);
    configFiles = Map.copyOf(configFiles);
    properties = Map.copyOf(properties);
  }

  /** One provider, with the defaults of the command line. */
  public static ProviderSettings only(String name, Optional<Path> configFile) {
    return new ProviderSettings(
        name,
        List.of(name),
        configFile.map(f -> Map.of(name, f)).orElse(Map.of()),
        Optional.empty(),
        DEFAULT_CALL_TIMEOUT,
        false,
        Map.of());
  }

  public Optional<Path> configFile(String provider) {
    return Optional.ofNullable(configFiles.get(provider));
  }

  /**
   * Each configuration file as the property {@code vk.provider.<name>.config}, for the routes of a
   * provider made of routes alone (a bean provider's factory gets its file in its context).
   */
  public Map<String, String> configFileProperties() {
    Map<String, String> files = new LinkedHashMap<>();
    configFiles.forEach(
        (name, file) -> files.put("vk.provider." + name + ".config", file.toString()));
    return files;
  }

  /** A provider's own properties, {@code vk.provider.<name>.} taken off their keys. */
  public Map<String, String> propertiesOf(String provider) {
    String prefix = "vk.provider." + provider + ".";
    Map<String, String> own = new LinkedHashMap<>();
    properties.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            own.put(key.substring(prefix.length()), value);
          }
        });
    return own;
  }

  public ProviderSettings withNames(List<String> more) {
    List<String> all = new ArrayList<>(names);
    more.stream().filter(n -> !all.contains(n)).forEach(all::add);
    return new ProviderSettings(
        defaultName, all, configFiles, mapping, callTimeout, callLedger, properties);
  }

  public ProviderSettings withConfigFile(String provider, Path file) {
    Map<String, Path> files = new LinkedHashMap<>(configFiles);
    files.put(provider, file);
    return new ProviderSettings(
        defaultName, names, files, mapping, callTimeout, callLedger, properties);
  }

  public ProviderSettings withMapping(Path file) {
    return new ProviderSettings(
        defaultName, names, configFiles, Optional.of(file), callTimeout, callLedger, properties);
  }

  public ProviderSettings withCallTimeout(Duration timeout) {
    return new ProviderSettings(
        defaultName, names, configFiles, mapping, timeout, callLedger, properties);
  }

  public ProviderSettings withCallLedger() {
    return new ProviderSettings(
        defaultName, names, configFiles, mapping, callTimeout, true, properties);
  }

  public ProviderSettings withProperty(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<>(properties);
    changed.put(key, value);
    return new ProviderSettings(
        defaultName, names, configFiles, mapping, callTimeout, callLedger, changed);
  }
}
