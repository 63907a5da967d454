package io.camelvk.provider;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The bean providers on the classpath, found through their {@link ProviderFactory}. */
public final class ProviderDiscovery {

  private final Map<String, ProviderFactory> factories = new TreeMap<>();

  private ProviderDiscovery() {}

  /** The factories the context class loader sees. */
  public static ProviderDiscovery onClasspath() {
    ProviderDiscovery discovery = new ProviderDiscovery();
    for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class)) {
      ProviderFactory previous = discovery.factories.putIfAbsent(factory.name(), factory);
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
    return discovery;
  }

  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /**
   * @throws IllegalArgumentException when no provider has that name, or its configuration is bad
   */
  public Provider create(String name, ProviderContext context) {
    ProviderFactory factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown provider " + name);
    }
    return factory.create(context);
  }

  /** For picocli's completion candidates. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return onClasspath().names().iterator();
    }
  }
}
