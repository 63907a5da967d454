package io.camelvk.provider.mapping;

import java.util.Optional;

/**
 * Which provider is to run a new pod, or why none can: the reason and message go to the pod's
 * Warning event and its Pending status.
 */
public record ProviderChoice(Optional<String> provider, String reason, String message) {

  /** A provider the node does not have, or one the mapping named wrongly. */
  public static final String UNKNOWN_PROVIDER = "UnknownProvider";

  /** The mapping route itself failed for this pod. */
  public static final String MAPPING_FAILED = "ProviderMappingFailed";

  public static ProviderChoice of(String provider) {
    return new ProviderChoice(Optional.of(provider), null, null);
  }

  public static ProviderChoice none(String reason, String message) {
    return new ProviderChoice(Optional.empty(), reason, message);
  }
}
