package io.camelvk.pod;

import io.camelvk.provider.ProviderOperation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;

/**
 * What one sync of one pod will do, decided by {@link PodSync#plan} and carried through the {@code
 * pod-sync} route. {@code provider} is the pod's provider (the one that runs it, or the one chosen
 * for it); {@code pod} is what the provider gets (env resolved for create/update); {@code reason}
 * and {@code message} say why a pod is blocked or rejected; {@code lastStates} are the containers'
 * states a provider answered a delete with, if it did.
 */
public record SyncPlan(
    PodKey key,
    Operation operation,
    String provider,
    Pod pod,
    String reason,
    String message,
    PodStatus lastStates) {

  public SyncPlan(
      PodKey key, Operation operation, String provider, Pod pod, String reason, String message) {
    this(key, operation, provider, pod, reason, message, null);
  }

  SyncPlan withLastStates(PodStatus states) {
    return new SyncPlan(key, operation, provider, pod, reason, message, states);
  }

  /** The operations; those with a provider operation go to the provider's route. */
  public enum Operation {
    CREATE(ProviderOperation.CREATE),
    UPDATE(ProviderOperation.UPDATE),
    DELETE(ProviderOperation.DELETE),
    DEADLINE(ProviderOperation.DELETE),
    STATUS(null),
    BLOCKED(null),
    REJECTED(null),
    FINALIZE(null),
    NONE(null);

    private final ProviderOperation providerOperation;

    Operation(ProviderOperation providerOperation) {
      this.providerOperation = providerOperation;
    }
  }

  /** What the provider's route is asked, when this plan asks it anything. */
  public Optional<ProviderOperation> providerOperation() {
    return Optional.ofNullable(operation.providerOperation);
  }

  public boolean callsProvider() {
    return operation.providerOperation != null;
  }

  @Override
  public String toString() {
    return "SyncPlan[" + key + " " + operation + " via " + provider + "]";
  }
}
