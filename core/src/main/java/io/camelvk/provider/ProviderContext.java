package io.camelvk.provider;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link ProviderFactory} gets to make its provider.
 *
 * @param nodeName the node the provider backs
 * @param configFile the provider's configuration file ({@code --provider-config} for the default
 *     provider), when one is given
 * @param clock the time source the provider should use
 * @param properties the provider's {@code vk.provider.<name>.*} properties, without that prefix
 */
public record ProviderContext(
    String nodeName, Optional<Path> configFile, Clock clock, Map<String, String> properties) {

  public ProviderContext {
    properties = Map.copyOf(properties);
  }
}
