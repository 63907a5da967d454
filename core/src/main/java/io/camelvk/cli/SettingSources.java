package io.camelvk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for flags that are not on the command line, in this order: the flag's environment
 * variable (those of the Go virtual-kubelet), then its {@code vk.*} property (system property, then
 * {@code ./application.properties}, then the bundled {@code application.properties}).
 */
public final class SettingSources implements IDefaultValueProvider {

  /** The environment variable and the property behind each flag. */
  record Source(String env, String property) {}

  static final Map<String, Source> SOURCES =
      Map.ofEntries(
          Map.entry("--kubeconfig", new Source(null, "vk.kubeconfig")),
          Map.entry("--nodename", new Source("DEFAULT_NODE_NAME", "vk.node.name")),
          Map.entry("--os", new Source(null, "vk.node.os")),
          Map.entry("--provider", new Source(null, "vk.provider")),
          Map.entry("--provider-config", new Source(null, "vk.provider.config")),
          Map.entry("--provider-call-timeout", new Source(null, "vk.provider.call-timeout")),
          Map.entry("--providers", new Source(null, "vk.providers")),
          Map.entry("--provider-mapping", new Source(null, "vk.provider.mapping")),
          Map.entry("--debug-provider-calls", new Source(null, "vk.debug.provider-calls")),
          Map.entry("--taint", new Source("VKUBELET_TAINT_KEY", "vk.node.taint.key")),
          Map.entry("--taint-value", new Source("VKUBELET_TAINT_VALUE", "vk.node.taint.value")),
          Map.entry("--taint-effect", new Source("VKUBELET_TAINT_EFFECT", "vk.node.taint.effect")),
          Map.entry("--disable-taint", new Source(null, "vk.node.taint.disabled")),
          Map.entry("--no-normal-events", new Source(null, "vk.events.normal-disabled")),
          Map.entry("--namespace", new Source(null, "vk.namespace")),
          Map.entry("--pod-sync-workers", new Source(null, "vk.pod.sync-workers")),
          Map.entry("--full-resync-period", new Source(null, "vk.pod.full-resync-period")),
          Map.entry("--startup-timeout", new Source(null, "vk.startup-timeout")),
          Map.entry("--log-level", new Source(null, "vk.log-level")),
          Map.entry("--kubelet-port", new Source("KUBELET_PORT", "vk.kubelet.port")),
          Map.entry("--pod-ip", new Source("VKUBELET_POD_IP", "vk.node.pod-ip")),
          Map.entry("--metrics-port", new Source(null, "vk.metrics.port")),
          Map.entry("--kube-api-concurrency", new Source(null, "vk.kube-api.concurrency")),
          Map.entry("--local-dir", new Source(null, "vk.local.dir")),
          Map.entry("--shutdown-timeout", new Source(null, "vk.shutdown-timeout")),
          Map.entry("--leader-elect", new Source(null, "vk.leader-elect")),
          Map.entry(
              "--leader-elect-lease-duration", new Source(null, "vk.leader-elect.lease-duration")),
          Map.entry(
              "--leader-elect-renew-deadline", new Source(null, "vk.leader-elect.renew-deadline")),
          Map.entry(
              "--leader-elect-retry-period", new Source(null, "vk.leader-elect.retry-period")),
          Map.entry(
              "--leader-elect-resource-name", new Source(null, "vk.leader-elect.resource-name")),
          Map.entry(
              "--leader-elect-resource-namespace",
              new Source(null, "vk.leader-elect.resource-namespace")),
          Map.entry("--leader-elect-identity", new Source(null, "vk.leader-elect.identity")),
          Map.entry(
              "--tls-cert-file",
              new Source("APISERVER_CERT_LOCATION", "vk.kubelet.api.tls-cert-file")),
          Map.entry(
              "--tls-private-key-file",
              new Source("APISERVER_KEY_LOCATION", "vk.kubelet.api.tls-private-key-file")),
          Map.entry(
              "--client-ca-file",
              new Source("APISERVER_CA_CERT_LOCATION", "vk.kubelet.api.client-ca-file")),
          Map.entry("--kubelet-api-auth", new Source(null, "vk.kubelet.api.auth")));

  private final Map<String, String> env;
  private final Properties properties;

  public SettingSources() {
    this(System.getenv(), loadProperties(Path.of("application.properties")));
  }

  SettingSources(Map<String, String> env, Properties properties) {
    this.env = env;
    this.properties = properties;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    Source source = SOURCES.get(option.longestName());
    if (source == null) {
      return null;
    }
    String value = source.env() == null ? null : env.get(source.env());
    if (value == null || value.isBlank()) {
      value = properties.getProperty(source.property());
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A {@code vk.*} property that no flag has, such as {@code vk.provider.<name>.config}. */
  public Optional<String> property(String key) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Every property whose key starts with {@code prefix}. */
  public Map<String, String> propertiesStartingWith(String prefix) {
    Map<String, String> found = new java.util.TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        found.put(key, properties.getProperty(key).strip());
      }
    }
    return found;
  }

  /** System properties over the working directory's file over the bundled one. */
  static Properties loadProperties(Path workingDirFile) {
    Properties merged = new Properties();
    try (InputStream bundled =
        SettingSources.class.getResourceAsStream("/application.properties")) {
      if (bundled != null) {
        merged.load(bundled);
      }
      if (Files.isRegularFile(workingDirFile)) {
        try (InputStream local = Files.newInputStream(workingDirFile)) {
          merged.load(local);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read application.properties", e);
    }
    merged.putAll(System.getProperties());
    return merged;
  }
}
