package io.camelvk.provider.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers this node runs, once they are wired (their routes up, their capabilities known);
 * the default takes what the provider mapping does not place elsewhere.
 */
public final class Providers {

  private final String defaultName;
  private final List<String> names;
  private volatile Map<String, ProviderHandle> handles = Map.of();

  public Providers(String defaultName, List<String> names) {
    this.defaultName = defaultName;
    this.names = List.copyOf(names);
  }

  /** Called once, when the providers are wired. */
  public void install(Map<String, ProviderHandle> wired) {
    handles = Map.copyOf(wired);
  }

  public String defaultName() {
    return defaultName;
  }

  /** Every provider of the node, the default first, wired or not yet. */
  public List<String> names() {
    return names;
  }

  public boolean wired() {
    return !handles.isEmpty();
  }

  public Optional<ProviderHandle> get(String name) {
    return Optional.ofNullable(handles.get(name));
  }

  /**
   * @throws IllegalStateException when the node has no such provider, or it is not wired yet
   */
  public ProviderHandle require(String name) {
    return get(name)
        .orElseThrow(
            () -> new IllegalStateException("no provider " + name + " is wired on this node"));
  }

  /** Whether the provider of that name takes the pods' volumes (capability {@code volumes}). */
  public boolean takesVolumes(String name) {
    return get(name).map(h -> h.capabilities().takesVolumes()).orElse(false);
  }

  /** The wired providers, the default first. */
  public Collection<ProviderHandle> all() {
    return names.stream().map(handles::get).filter(Objects::nonNull).toList();
  }
}
