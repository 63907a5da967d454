package io.camelvk.providers.mock;

import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderContext;
import io.camelvk.provider.ProviderFactory;
import java.util.concurrent.Executors;

/** Makes the mock from its configuration file ({@link MockProviderConfig}). */
public final class MockProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return MockProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    return new MockProvider(
        MockProviderConfig.load(context.configFile(), context.nodeName()),
        context.clock(),
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mock-provider").daemon().factory()));
  }
}
