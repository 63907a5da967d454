package io.camelvk.provider;

import io.camelvk.config.VkSettings;
import io.camelvk.provider.mock.MockProvider;
import io.camelvk.provider.mock.MockProviderConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** The providers this build knows, by the name {@code --provider} takes. */
public final class ProviderCatalog {

  private static final Map<String, Function<VkSettings, Provider>> FACTORIES = new TreeMap<>();

  static {
    register(
        MockProvider.NAME,
        settings ->
            new MockProvider(
                MockProviderConfig.load(settings.providerConfig(), settings.node().nodeName()),
                Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("mock-provider").daemon().factory())));
  }

  private ProviderCatalog() {}

  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * @throws IllegalArgumentException when the provider's configuration is bad
   */
  public static Provider create(VkSettings settings) {
    Function<VkSettings, Provider> factory = FACTORIES.get(settings.providerName());
    if (factory == null) {
      throw new IllegalArgumentException("unknown provider " + settings.providerName());
    }
    return factory.apply(settings);
  }

  private static synchronized void register(String name, Function<VkSettings, Provider> factory) {
    FACTORIES.put(name, factory);
  }

  /** For picocli's completion candidates. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return new ArrayList<>(names()).iterator();
    }
  }
}
