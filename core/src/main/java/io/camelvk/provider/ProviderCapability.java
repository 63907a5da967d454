package io.camelvk.provider;

import java.util.Locale;
import java.util.Optional;

/**
 * What a provider can do beyond the pod lifecycle, as its route answers the {@code capabilities}
 * operation. The kubelet API answers 501, naming the capability, for what a pod's provider lacks. A
 * route provider can offer {@link #LOGS}, {@link #NOTIFIES} and {@link #VOLUMES}; the streaming
 * ones need a bean.
 */
public enum ProviderCapability {
  /** {@code kubectl logs}: the {@code logs} operation. */
  LOGS("show container logs"),
  /** {@code kubectl exec} and {@code cp}: a bean implementing {@link ContainerExec}. */
  EXEC("run commands in containers (exec)"),
  /** {@code kubectl attach}: a bean implementing {@link ContainerAttach}. */
  ATTACH("attach to containers"),
  /** {@code kubectl port-forward}: a bean implementing {@link PortForward}. */
  PORT_FORWARD("forward ports of pods"),
  /** {@code kubectl top} and the summary API: a bean implementing {@link PodStats}. */
  STATS("report resource usage"),
  /**
   * The provider tells when a pod's status changes (a bean's {@link PodStatusNotifier}, or a route
   * sending to {@code direct:vk-pod-status}), so its pods are not polled.
   */
  NOTIFIES("notify status changes"),
  /**
   * The provider takes the pods' volumes: a route gets them in the {@link VkHeaders#POD_VOLUMES}
   * header, a bean implements {@link VolumeMounts}. Only then does the core write the files and
   * request service-account tokens.
   */
  VOLUMES("mount volumes"),
  /**
   * The provider's {@code update} applies changed container resources (the pod's {@code resize}
   * subresource) without restarting the containers: a route that declares it, or a bean
   * implementing {@link InPlaceResize}. Without it a resize stays pending, Infeasible.
   */
  RESIZE("resize pods in place"),
  /**
   * The provider runs ephemeral containers ({@code kubectl debug}) that an {@code update} adds to a
   * running pod, reporting them in {@code ephemeralContainerStatuses}: a route that declares it, or
   * a bean implementing {@link EphemeralContainers}. Without it they wait, with a warning.
   */
  EPHEMERAL_CONTAINERS("run ephemeral containers");

  private final String value = name().toLowerCase(Locale.ROOT).replace('_', '-');
  private final String ability;

  ProviderCapability(String ability) {
    this.ability = ability;
  }

  /** As a route names it: lower case, words joined by '-' ({@code port-forward}). */
  public String value() {
    return value;
  }

  /** What the kubelet API says a provider without it cannot do. */
  public String ability() {
    return ability;
  }

  /** Whether a provider made of routes alone can have it. */
  public boolean servedByRoutes() {
    return this == LOGS
        || this == NOTIFIES
        || this == VOLUMES
        || this == RESIZE
        || this == EPHEMERAL_CONTAINERS;
  }

  public static Optional<ProviderCapability> of(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (ProviderCapability capability : values()) {
      if (capability.value.equals(wanted)) {
        return Optional.of(capability);
      }
    }
    return Optional.empty();
  }
}
