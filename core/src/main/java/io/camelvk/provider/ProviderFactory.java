package io.camelvk.provider;

/**
 * Makes a bean {@link Provider}. Found with {@link java.util.ServiceLoader}: a provider jar lists
 * its factory in {@code META-INF/services/io.camelvk.provider.ProviderFactory} and ships its routes
 * as {@code providers/<name>/*.yaml}; nothing else names it.
 */
public interface ProviderFactory {

  /**
   * The provider's name: what {@code --provider}, the provider mapping and the {@code
   * virtual-kubelet.io/provider} annotation say, and the {@code <name>} of {@code
   * direct:provider-<name>} and {@code providers/<name>/}.
   */
  String name();

  /**
   * @throws IllegalArgumentException when the provider's configuration is bad, with a one-line
   *     message naming the file and the problem
   */
  Provider create(ProviderContext context);
}
