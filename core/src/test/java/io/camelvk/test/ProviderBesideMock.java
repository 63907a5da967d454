package io.camelvk.test;

import io.camelvk.config.ProviderSettings;
import io.camelvk.config.VkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of a node that runs one provider beside the mock: a provider mapping puts the pods
 * labelled {@code backend: <provider>} on that provider, and the rest on the mock.
 */
public final class ProviderBesideMock {

  /** The label whose value names the pod's provider. */
  public static final String LABEL = "backend";

  private static final String MAPPING =
      """
      - route:
          from:
            uri: direct:vk-provider-mapping
            steps:
              - filter:
                  simple: "${header.VkPodLabels[%1$s]} == '%2$s'"
                  steps:
                    - setHeader:
                        name: VkProvider
                        constant: %2$s
      """;

  private ProviderBesideMock() {}

  /**
   * A node named after the test namespace, its mapping file written in {@code dir}.
   *
   * @param properties the provider's {@code vk.*} properties (its backend's URL, say)
   */
  public static VkSettings settings(
      TestCluster cluster, Path dir, String provider, Map<String, String> properties) {
    Path mapping;
    try {
      mapping = Files.writeString(dir.resolve("mapping.yaml"), MAPPING.formatted(LABEL, provider));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    ProviderSettings providers =
        settings.providers().withNames(List.of(provider)).withMapping(mapping);
    for (Map.Entry<String, String> property : properties.entrySet()) {
      providers = providers.withProperty(property.getKey(), property.getValue());
    }
    return settings.withProviders(providers);
  }
}
