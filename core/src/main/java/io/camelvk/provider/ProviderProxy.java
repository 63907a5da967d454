package io.camelvk.provider;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A proxy for a provider that keeps every interface it implements (its capabilities: logs, exec,
 * stats, notifications), so that a wrapper around it hides none of them.
 */
public final class ProviderProxy {

  private ProviderProxy() {}

  public static Provider of(Provider provider, InvocationHandler handler) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> type = provider.getClass(); type != null; type = type.getSuperclass()) {
      interfaces.addAll(Set.of(type.getInterfaces()));
    }
    return (Provider)
        Proxy.newProxyInstance(
            provider.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
  }
}
