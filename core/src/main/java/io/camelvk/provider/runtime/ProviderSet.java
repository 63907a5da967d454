package io.camelvk.provider.runtime;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The providers one node runs, the default first: for each its bean, or none for a provider made of
 * routes alone. They outlive a kubelet process in this JVM (a restart keeps the backend); {@link
 * #close} lets go of what the beans hold.
 */
public final class ProviderSet implements AutoCloseable {

  private final String defaultName;
  private final Map<String, Optional<Provider>> members;

  private ProviderSet(String defaultName, Map<String, Optional<Provider>> members) {
    this.defaultName = defaultName;
    this.members = members;
  }

  /**
   * Makes the bean of each provider the settings name, from its factory on the classpath.
   *
   * @throws IllegalArgumentException for a bad configuration file, the message naming the flag or
   *     property that gave it
   */
  public static ProviderSet create(ProviderSettings settings, String nodeName, Clock clock) {
    ProviderDiscovery discovery = ProviderDiscovery.onClasspath();
    Map<String, Optional<Provider>> members = new LinkedHashMap<>();
    for (String name : settings.names()) {
      try {
        members.put(
            name,
            discovery.create(
                name,
                new ProviderContext(
                    nodeName, settings.configFile(name), clock, settings.propertiesOf(name))));
      } catch (IllegalArgumentException e) {
        String source =
            name.equals(settings.defaultName())
                ? "--provider-config"
                : "vk.provider." + name + ".config";
        throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
      }
    }
    return new ProviderSet(settings.defaultName(), members);
  }

  /** One bean provider. */
  public static ProviderSet of(String name, Provider bean) {
    return new ProviderSet(name, new LinkedHashMap<>(Map.of(name, Optional.of(bean))));
  }

  /** This set with {@code name} served by {@code bean} (added, or in place of what it had). */
  public ProviderSet with(String name, Provider bean) {
    Map<String, Optional<Provider>> changed = new LinkedHashMap<>(members);
    changed.put(name, Optional.of(bean));
    return new ProviderSet(defaultName, changed);
  }

  public String defaultName() {
    return defaultName;
  }

  public List<String> names() {
    return List.copyOf(members.keySet());
  }

  /** The provider's bean; empty for a provider made of routes alone. */
  public Optional<Provider> bean(String name) {
    return members.getOrDefault(name, Optional.empty());
  }

  public Map<String, Provider> beans() {
    Map<String, Provider> beans = new LinkedHashMap<>();
    members.forEach((name, bean) -> bean.ifPresent(b -> beans.put(name, b)));
    return beans;
  }

  @Override
  public void close() {
    beans()
        .forEach(
            (name, bean) -> {
              if (bean instanceof AutoCloseable closeable) {
                try {
                  closeable.close();
                } catch (Exception e) {
                  LoggerFactory.getLogger(ProviderSet.class)
                      .warn("provider {} did not close: {}", name, e.toString());
                }
              }
            });
  }
}
