package io.camelvk.cli;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;

/**
 * The provider flags ({@code --provider}, {@code --providers}, {@code --provider-config}, {@code
 * --provider-mapping}, {@code --provider-call-timeout}) and the {@code vk.provider.<name>.config}
 * properties, checked against the providers on the classpath.
 */
final class ProviderFlagsValidator {

  private final SettingsValidator checks;
  private final IDefaultValueProvider sources;

  ProviderFlagsValidator(SettingsValidator checks, IDefaultValueProvider sources) {
    this.checks = checks;
    this.sources = sources;
  }

  ProviderSettings validate(VirtualKubeletCommand flags) {
    List<String> known = ProviderDiscovery.onClasspath().names();
    checks.require(
        known.contains(flags.provider),
        "--provider",
        "unknown provider '" + flags.provider + "' (known: " + String.join(", ", known) + ")");
    List<String> names = new ArrayList<>(List.of(flags.provider));
    for (String name : list(flags.providers)) {
      checks.require(
          known.contains(name),
          "--providers",
          "unknown provider '" + name + "' (known: " + String.join(", ", known) + ")");
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    Map<String, Path> configFiles = new LinkedHashMap<>();
    for (String name : names) {
      boolean fromFlag = name.equals(flags.provider) && flags.providerConfig != null;
      String source = fromFlag ? "--provider-config" : "vk.provider." + name + ".config";
      Optional<String> text = fromFlag ? Optional.of(flags.providerConfig) : property(source);
      text.map(t -> readableFile(source, t)).ifPresent(file -> configFiles.put(name, file));
    }
    Optional<Path> mapping =
        Optional.ofNullable(flags.providerMapping)
            .map(text -> readableFile("--provider-mapping", text));
    return new ProviderSettings(
        flags.provider,
        names,
        configFiles,
        mapping,
        checks.positiveDuration("--provider-call-timeout", flags.providerCallTimeout),
        flags.debugProviderCalls,
        providerProperties(names));
  }

  /** The {@code vk.provider.<name>.*} properties of these providers. */
  private Map<String, String> providerProperties(List<String> names) {
    Map<String, String> found = new LinkedHashMap<>();
    if (sources instanceof SettingSources settings) {
      names.forEach(
          name -> found.putAll(settings.propertiesStartingWith("vk.provider." + name + ".")));
    }
    return found;
  }

  private Path readableFile(String flag, String text) {
    Path file = checks.path(flag, text);
    checks.require(
        Files.isRegularFile(file) && Files.isReadable(file), flag, "cannot read " + file);
    return file;
  }

  private Optional<String> property(String key) {
    return sources instanceof SettingSources settings ? settings.property(key) : Optional.empty();
  }

  private static List<String> list(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.split("\\s*,\\s*")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
