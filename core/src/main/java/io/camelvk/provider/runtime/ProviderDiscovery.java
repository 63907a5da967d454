package io.camelvk.provider.runtime;

import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderContext;
import io.camelvk.provider.ProviderFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The providers on the classpath: every folder {@code providers/<name>/} with route files (a
 * provider made of routes alone), and every {@link ProviderFactory} that {@link ServiceLoader}
 * finds (a bean provider). A jar dropped on the classpath adds its provider; nothing names it.
 */
public final class ProviderDiscovery {

  private final Map<String, ProviderFactory> factories;
  private final Set<String> routeFolders;

  private ProviderDiscovery(Map<String, ProviderFactory> factories, Set<String> routeFolders) {
    this.factories = factories;
    this.routeFolders = routeFolders;
  }

  /** What the context class loader sees. */
  public static ProviderDiscovery onClasspath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Map<String, ProviderFactory> factories = new TreeMap<>();
    for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, loader)) {
      ProviderFactory previous = factories.putIfAbsent(factory.name(), factory);
      if (previous != null && previous.getClass() != factory.getClass()) {
        throw new IllegalStateException(
            "two providers are named "
                + factory.name()
                + ": "
                + previous.getClass().getName()
                + " and "
                + factory.getClass().getName());
      }
    }
    return new ProviderDiscovery(factories, ClasspathRouteFolders.find(loader));
  }

  /** Every provider found, sorted. */
  public List<String> names() {
    Set<String> names = new TreeSet<>(routeFolders);
    names.addAll(factories.keySet());
    return List.copyOf(names);
  }

  /** Whether the provider ships route files under {@code providers/<name>/}. */
  public boolean hasRoutes(String name) {
    return routeFolders.contains(name);
  }

  /**
   * The provider's bean, when it is a bean provider; empty for one made of routes alone.
   *
   * @throws IllegalArgumentException when no provider has that name, or its configuration is bad
   */
  public Optional<Provider> create(String name, ProviderContext context) {
    ProviderFactory factory = factories.get(name);
    if (factory != null) {
      return Optional.of(factory.create(context));
    }
    if (!routeFolders.contains(name)) {
      throw new IllegalArgumentException(
          "unknown provider '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return Optional.empty();
  }

  /** For picocli's completion candidates. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return onClasspath().names().iterator();
    }
  }
}
