package io.camelvk.provider;

import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a provider says about the node it backs.
 *
 * @param capacity cpu, memory, pods, ephemeral-storage and any extended resource (for example
 *     {@code nvidia.com/gpu})
 * @param allocatable what pods may use; the capacity when empty
 * @param conditions conditions that override the defaults by type (Ready True, the pressures and
 *     NetworkUnavailable False); the core sets the heartbeat and transition times
 * @param operatingSystemImage shown as {@code nodeInfo.osImage}, naming the provider
 * @param additionalVolumeKinds the kinds of volume the provider serves besides {@link
 *     VolumeKind#RESOLVED} (a {@code persistentVolumeClaim}, say): a pod with a volume of any other
 *     kind is refused
 * @param addresses published in the node's {@code status.addresses} after the kubelet's InternalIP
 * @param taints put on the node while the provider reports them (beside the core's own taint and
 *     whatever others put there), removed once it no longer does; each with a key and an effect of
 *     {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute} (a key and effect given
 *     twice counts once, the first)
 */
public record NodeProfile(
    Map<String, Quantity> capacity,
    Map<String, Quantity> allocatable,
    List<NodeCondition> conditions,
    String operatingSystemImage,
    Set<VolumeKind> additionalVolumeKinds,
    List<NodeAddress> addresses,
    List<Taint> taints) {

  /** The effects a taint may have (the API server refuses any other). */
  public static final Set<String> TAINT_EFFECTS =
      Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  public static final NodeProfile DEFAULT =
      new NodeProfile(
          Map.of(
              "cpu", new Quantity("20"),
              "memory", new Quantity("100Gi"),
              "pods", new Quantity("110"),
              "ephemeral-storage", new Quantity("100Gi")),
          Map.of(),
          List.of(),
          "camel-virtual-kubelet");

  public NodeProfile {
    capacity = Map.copyOf(capacity);
    allocatable = Map.copyOf(allocatable);
    conditions = List.copyOf(conditions);
    additionalVolumeKinds = Set.copyOf(additionalVolumeKinds);
    addresses = List.copyOf(addresses);
    taints = List.copyOf(taints);
    taints.forEach(NodeProfile::checkTaint);
  }

  /** A profile without taints of its own. */
  public NodeProfile(
      Map<String, Quantity> capacity,
      Map<String, Quantity> allocatable,
      List<NodeCondition> conditions,
      String operatingSystemImage,
      Set<VolumeKind> additionalVolumeKinds,
      List<NodeAddress> addresses) {
    this(
        capacity,
        allocatable,
        conditions,
        operatingSystemImage,
        additionalVolumeKinds,
        addresses,
        List.of());
  }

  /** A profile without addresses of its own. */
  public NodeProfile(
      Map<String, Quantity> capacity,
      Map<String, Quantity> allocatable,
      List<NodeCondition> conditions,
      String operatingSystemImage,
      Set<VolumeKind> additionalVolumeKinds) {
    this(capacity, allocatable, conditions, operatingSystemImage, additionalVolumeKinds, List.of());
  }

  /** A profile of a provider that serves the volume kinds every provider serves. */
  public NodeProfile(
      Map<String, Quantity> capacity,
      Map<String, Quantity> allocatable,
      List<NodeCondition> conditions,
      String operatingSystemImage) {
    this(capacity, allocatable, conditions, operatingSystemImage, Set.of());
  }

  /** Whether pods with volumes of this kind may run on the provider. */
  public boolean serves(VolumeKind kind) {
    return VolumeKind.RESOLVED.contains(kind) || additionalVolumeKinds.contains(kind);
  }

  private static void checkTaint(Taint taint) {
    if (taint.getKey() == null || taint.getKey().isBlank()) {
      throw new IllegalArgumentException("a taint of the node profile has no key");
    }
    if (!TAINT_EFFECTS.contains(taint.getEffect())) {
      throw new IllegalArgumentException(
          "taint "
              + taint.getKey()
              + ": the effect '"
              + taint.getEffect()
              + "' is none of NoSchedule, PreferNoSchedule, NoExecute");
    }
  }

  /** The allocatable resources, which default to the capacity. */
  public Map<String, Quantity> effectiveAllocatable() {
    return allocatable.isEmpty() ? capacity : allocatable;
  }
}
