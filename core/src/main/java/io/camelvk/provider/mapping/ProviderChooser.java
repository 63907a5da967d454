package io.camelvk.provider.mapping;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;

/**
 * Picks the provider of a new pod: in the process the provider mapping ({@link ProviderMapping}).
 */
@FunctionalInterface
public interface ProviderChooser {

  /**
   * @param requests what the pod requests, by resource name
   */
  ProviderChoice choose(Pod pod, Map<String, ?> requests);
}
