package io.camelvk.testprovider;

import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderContext;
import io.camelvk.provider.ProviderFactory;

/** Listed in the test sources' {@code META-INF/services}: the core finds it as it finds any. */
public final class InstantProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return InstantProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    return new InstantProvider(context.clock());
  }
}
