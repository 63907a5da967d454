package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * What one sync of one pod will do, decided by {@link PodSync#plan} and carried through the {@code
 * pod-sync} route. {@code pod} is what the provider gets (env resolved for create/update); {@code
 * reason} and {@code message} say why a pod is blocked or rejected.
 */
public record SyncPlan(
    PodKey key, Operation operation, String provider, Pod pod, String reason, String message) {

  /** The operations; those with a provider method go through {@code direct:provider-<name>}. */
  public enum Operation {
    CREATE("createPod"),
    UPDATE("updatePod"),
    DELETE("deletePod"),
    DEADLINE("deletePod"),
    STATUS(null),
    BLOCKED(null),
    REJECTED(null),
    FINALIZE(null),
    NONE(null);

    private final String providerMethod;

    Operation(String providerMethod) {
      this.providerMethod = providerMethod;
    }
  }

  public boolean callsProvider() {
    return operation.providerMethod != null;
  }

  /** The {@link io.camelvk.provider.Provider} method the provider route calls. */
  public String providerMethod() {
    return operation.providerMethod;
  }

  @Override
  public String toString() {
    return "SyncPlan[" + key + " " + operation + " via " + provider + "]";
  }
}
