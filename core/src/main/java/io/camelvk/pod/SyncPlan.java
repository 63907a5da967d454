package io.camelvk.pod;

import io.camelvk.pod.volume.VolumeResolution;
import io.camelvk.provider.ProviderOperation;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;

/**
 * What one sync of one pod will do, decided by {@link PodSync#plan} and carried through the {@code
 * pod-sync} route. {@code provider} is the pod's provider (the one that runs it, or the one chosen
 * for it); {@code pod} is what the provider gets (env resolved for create/update); {@code reason}
 * and {@code message} say why a pod is blocked or rejected; {@code volumes} are the pod's volumes
 * for a create or update, null when its provider gets none; {@code lastStates} are the containers'
 * states a provider answered a delete with, if it did.
 */
public record SyncPlan(
    PodKey key,
    Operation operation,
    String provider,
    Pod pod,
    String reason,
    String message,
    VolumeResolution volumes,
    PodStatus lastStates) {

  public SyncPlan(
      PodKey key, Operation operation, String provider, Pod pod, String reason, String message) {
    this(key, operation, provider, pod, reason, message, null, null);
  }

  /** A create or update that gives the provider these volumes (null: none). */
  static SyncPlan giving(
      PodKey key, Operation operation, String provider, Pod pod, VolumeResolution volumes) {
    return new SyncPlan(key, operation, provider, pod, null, null, volumes, null);
  }

  SyncPlan withLastStates(PodStatus states) {
    return new SyncPlan(key, operation, provider, pod, reason, message, volumes, states);
  }

  /** The operations; those with a provider operation go to the provider's route. */
  public enum Operation {
    CREATE(ProviderOperation.CREATE),
    UPDATE(ProviderOperation.UPDATE),
    DELETE(ProviderOperation.DELETE),
    DEADLINE(ProviderOperation.DELETE),
    STATUS(null),
    /**
     * A change the pod's provider cannot apply to a running pod (a resize, an ephemeral container):
     * no call, a status that says so.
     */
    UNSUPPORTED_CHANGE(null),
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

  /** What the provider is given of the pod's volumes: null for none. */
  public PodVolumes providerVolumes() {
    return volumes == null ? null : volumes.volumes();
  }

  public boolean callsProvider() {
    return operation.providerOperation != null;
  }

  @Override
  public String toString() {
    return "SyncPlan[" + key + " " + operation + " via " + provider + "]";
  }
}
