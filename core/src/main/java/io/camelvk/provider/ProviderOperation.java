package io.camelvk.provider;

import java.util.Locale;

/**
 * What the core asks a provider's route, in the {@link VkHeaders#OPERATION} header, and what it
 * expects back as the body (docs/providers/README.md).
 */
public enum ProviderOperation {
  /** Start the pod in the body (environment resolved). Must do nothing for a pod that runs. */
  CREATE,
  /** Apply the changed spec of the pod in the body. */
  UPDATE,
  /** Stop and forget the pod in the body; an unknown pod is not an error. */
  DELETE,
  /** Answer the pod's status (a PodStatus, or its JSON); no body when the pod is unknown. */
  STATUS,
  /** Answer every pod the provider runs (a list of pods, or a JSON array or PodList). */
  PODS,
  /** Answer the node's capacity and conditions (a NodeProfile, or its JSON); none for defaults. */
  NODE,
  /** Answer a container's log as text (String, bytes or a stream). */
  LOGS,
  /** Answer what else the provider can do: a list of {@link ProviderCapability} values. */
  CAPABILITIES;

  private final String value = name().toLowerCase(Locale.ROOT);

  /** The header's value: the name in lower case. */
  public String value() {
    return value;
  }

  /**
   * @throws IllegalArgumentException for a value that names no operation
   */
  public static ProviderOperation of(String value) {
    for (ProviderOperation operation : values()) {
      if (operation.value.equals(value)) {
        return operation;
      }
    }
    throw new IllegalArgumentException("unknown " + VkHeaders.OPERATION + " '" + value + "'");
  }
}
