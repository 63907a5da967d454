package io.camelvk.node;

import io.camelvk.BuildInfo;
import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeAddressBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What our node should look like: labels, our taint, and the status from the provider. */
public final class NodeTemplate {

  public static final String ARCHITECTURE = "amd64";
  public static final String ROLE = "agent";

  /**
   * What the node declares in {@code status.declaredFeatures} (sorted, as the API server demands):
   * the kubelet API speaks WebSocket v5 for exec and attach and the SPDY tunnel for port-forward,
   * so the API server may pass kubectl's WebSockets through instead of translating them to SPDY.
   */
  public static final List<String> DECLARED_FEATURES = List.of("ExtendWebSocketsToKubelet");

  private static final String DECLARED_FEATURES_FIELD = "declaredFeatures";

  private static final String INTERNAL_IP = "InternalIP";

  /** The address types kube-apiserver's default --kubelet-preferred-address-types puts first. */
  static final Set<String> API_SERVER_PREFERS_OVER_INTERNAL_IP = Set.of("Hostname", "InternalDNS");

  /** The kubelet's condition types, reasons and messages (pkg/kubelet/nodestatus/setters.go). */
  static final List<NodeCondition> HEALTHY_CONDITIONS =
      List.of(
          condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
          condition(
              "MemoryPressure",
              "False",
              "KubeletHasSufficientMemory",
              "kubelet has sufficient memory available"),
          condition(
              "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
          condition(
              "PIDPressure",
              "False",
              "KubeletHasSufficientPID",
              "kubelet has sufficient PID available"),
          condition(
              "NetworkUnavailable",
              "False",
              "RouteCreated",
              "the virtual kubelet's provider is reachable"));

  private final NodeSettings settings;

  public NodeTemplate(NodeSettings settings) {
    this.settings = settings;
  }

  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("type", "virtual-kubelet");
    labels.put("kubernetes.io/role", ROLE);
    labels.put("kubernetes.io/os", settings.operatingSystem());
    labels.put("beta.kubernetes.io/os", settings.operatingSystem());
    labels.put("kubernetes.io/arch", ARCHITECTURE);
    labels.put("beta.kubernetes.io/arch", ARCHITECTURE);
    labels.put("kubernetes.io/hostname", settings.nodeName());
    labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "true");
    labels.put("alpha.service-controller.kubernetes.io/exclude-balancer", "true");
    return labels;
  }

  /**
   * The node's taints: the foreign ones kept as they are (the node lifecycle controller's among
   * them), ours replaced by the configured one or removed when tainting is disabled.
   */
  public List<Taint> taints(List<Taint> existing) {
    List<Taint> result = new ArrayList<>();
    for (Taint taint : existing) {
      if (!isCoreTaintKey(taint.getKey())) {
        result.add(taint);
      }
    }
    settings.taint().ifPresent(result::add);
    return result;
  }

  /** Whether a taint key is the core's own: the default one, or the configured taint's. */
  public boolean isCoreTaintKey(String key) {
    return NodeSettings.DEFAULT_TAINT_KEY.equals(key)
        || settings.taint().map(t -> t.getKey().equals(key)).orElse(false);
  }

  /**
   * The status to write. A condition keeps its lastTransitionTime while its status stays the same
   * as in {@code previous}; every condition gets {@code now} as its heartbeat.
   */
  public NodeStatus status(NodeProfile profile, List<NodeCondition> previous, String now) {
    NodeStatus status =
        new NodeStatusBuilder()
            .withCapacity(profile.capacity())
            .withAllocatable(profile.effectiveAllocatable())
            .withConditions(conditions(profile, previous, now))
            .withAddresses(addresses(profile))
            .withNewDaemonEndpoints()
            .withNewKubeletEndpoint()
            .withPort(settings.kubeletPort())
            .endKubeletEndpoint()
            .endDaemonEndpoints()
            .withNewNodeInfo()
            .withOperatingSystem(settings.operatingSystem())
            .withArchitecture(ARCHITECTURE)
            .withKubeletVersion(BuildInfo.kubeletVersion())
            .withKubeProxyVersion("")
            .withOsImage(profile.operatingSystemImage())
            .withKernelVersion("")
            .withContainerRuntimeVersion("camel-virtual-kubelet://" + BuildInfo.version())
            .withMachineID(settings.nodeName())
            .withSystemUUID(settings.nodeName())
            .withBootID(settings.nodeName())
            .endNodeInfo()
            .build();
    // fabric8 7.5's model predates the field: it travels as an additional property.
    status.setAdditionalProperty(DECLARED_FEATURES_FIELD, DECLARED_FEATURES);
    return status;
  }

  /**
   * The kubelet's InternalIP first, then the providers' addresses, each once. Our node name need
   * not resolve, and the API server reaches a kubelet at the first address of the first type in its
   * preference (Hostname, InternalDNS, InternalIP, ...): a provider's Hostname or InternalDNS
   * address would send logs and exec elsewhere, so those are left out.
   */
  private List<NodeAddress> addresses(NodeProfile profile) {
    List<NodeAddress> addresses = new ArrayList<>();
    addresses.add(
        new NodeAddressBuilder().withType(INTERNAL_IP).withAddress(settings.internalIp()).build());
    for (NodeAddress address : profile.addresses()) {
      boolean known =
          addresses.stream()
              .anyMatch(
                  a ->
                      a.getType().equals(address.getType())
                          && a.getAddress().equals(address.getAddress()));
      if (!known && !API_SERVER_PREFERS_OVER_INTERNAL_IP.contains(address.getType())) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  private static List<NodeCondition> conditions(
      NodeProfile profile, List<NodeCondition> previous, String now) {
    Map<String, NodeCondition> byType = new LinkedHashMap<>();
    HEALTHY_CONDITIONS.forEach(c -> byType.put(c.getType(), c));
    profile.conditions().forEach(c -> byType.put(c.getType(), c));
    return byType.values().stream().map(c -> stamped(c, previous, now)).toList();
  }

  private static NodeCondition stamped(
      NodeCondition condition, List<NodeCondition> previous, String now) {
    NodeCondition before =
        previous.stream()
            .filter(p -> condition.getType().equals(p.getType()))
            .findFirst()
            .orElse(null);
    String transition =
        before != null
                && Objects.equals(before.getStatus(), condition.getStatus())
                && before.getLastTransitionTime() != null
            ? before.getLastTransitionTime()
            : now;
    return new NodeConditionBuilder(condition)
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(transition)
        .build();
  }

  private static NodeCondition condition(
      String type, String status, String reason, String message) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
