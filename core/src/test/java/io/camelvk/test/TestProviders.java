package io.camelvk.test;

import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamSessionCounter;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Providers for unit tests: bean providers as the core sees them, called directly. */
public final class TestProviders {

  private TestProviders() {}

  /** A bean provider wired as the core wires it, its capabilities what it implements. */
  public static ProviderHandle handle(String name, Provider bean) {
    BeanClient client = new BeanClient(name, bean);
    return new ProviderHandle(
        name,
        client,
        ProviderCapabilities.of(client.capabilities(), Optional.of(bean), client::logs),
        true);
  }

  /** These providers, wired; the first is the default. */
  public static Providers of(ProviderHandle... handles) {
    Map<String, ProviderHandle> byName = new LinkedHashMap<>();
    Arrays.stream(handles).forEach(h -> byName.put(h.name(), h));
    Providers providers = new Providers(handles[0].name(), List.copyOf(byName.keySet()));
    providers.install(byName);
    return providers;
  }

  /** Exec, attach and port-forward of every pod served by {@code bean}. */
  public static StreamBackend streams(Provider bean) {
    ProviderHandle handle = handle("test", bean);
    return new StreamBackend(key -> Optional.of(handle), StreamSessionCounter.NONE);
  }
}
