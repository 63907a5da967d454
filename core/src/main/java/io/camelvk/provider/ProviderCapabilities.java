package io.camelvk.provider;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one provider can do beyond the pod lifecycle, worked out once when the providers are wired:
 * what its route declared ({@code capabilities} operation), and for a bean provider the bean's
 * streaming interfaces. Each user of a capability gets it from here, and a 501 names what is
 * missing.
 *
 * @param declared what the provider offers, for messages and for the choice to poll its pods
 * @param logs {@code kubectl logs}, through the provider's route
 */
public record ProviderCapabilities(
    Set<ProviderCapability> declared,
    Optional<ContainerLogs> logs,
    Optional<ContainerExec> exec,
    Optional<ContainerAttach> attach,
    Optional<PortForward> portForward,
    Optional<PodStats> stats) {

  public static final ProviderCapabilities NONE =
      new ProviderCapabilities(
          Set.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public ProviderCapabilities {
    declared = declared.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(declared));
  }

  /** Whether the provider tells when its pods' status changes; if not, they are polled. */
  public boolean notifies() {
    return declared.contains(ProviderCapability.NOTIFIES);
  }

  /** Whether the provider's update resizes a pod's containers in place. */
  public boolean resizes() {
    return declared.contains(ProviderCapability.RESIZE);
  }

  /** Whether the provider runs the ephemeral containers an update adds. */
  public boolean runsEphemeralContainers() {
    return declared.contains(ProviderCapability.EPHEMERAL_CONTAINERS);
  }

  /** Whether the provider takes the pods' volumes, their files and tokens. */
  public boolean takesVolumes() {
    return declared.contains(ProviderCapability.VOLUMES);
  }

  /**
   * What a bean provider offers: the interfaces it implements among those {@code declared}.
   *
   * @param declared what its route answered; a bean's own route answers what it implements
   */
  public static ProviderCapabilities of(
      Set<ProviderCapability> declared, Optional<Provider> bean, ContainerLogs routeLogs) {
    Set<ProviderCapability> offered = EnumSet.noneOf(ProviderCapability.class);
    for (ProviderCapability capability : declared) {
      if (capability.servedByRoutes()
          || bean.filter(b -> implementsIt(b, capability)).isPresent()) {
        offered.add(capability);
      }
    }
    return new ProviderCapabilities(
        offered,
        offered.contains(ProviderCapability.LOGS) ? Optional.of(routeLogs) : Optional.empty(),
        bean.filter(b -> offered.contains(ProviderCapability.EXEC)).map(ContainerExec.class::cast),
        bean.filter(b -> offered.contains(ProviderCapability.ATTACH))
            .map(ContainerAttach.class::cast),
        bean.filter(b -> offered.contains(ProviderCapability.PORT_FORWARD))
            .map(PortForward.class::cast),
        bean.filter(b -> offered.contains(ProviderCapability.STATS)).map(PodStats.class::cast));
  }

  /** What a bean implements, as its route answers the {@code capabilities} operation. */
  public static Set<ProviderCapability> implementedBy(Provider bean) {
    Set<ProviderCapability> implemented = EnumSet.noneOf(ProviderCapability.class);
    for (ProviderCapability capability : ProviderCapability.values()) {
      if (implementsIt(bean, capability)) {
        implemented.add(capability);
      }
    }
    return implemented;
  }

  private static boolean implementsIt(Provider bean, ProviderCapability capability) {
    return switch (capability) {
      case LOGS -> bean instanceof ContainerLogs;
      case EXEC -> bean instanceof ContainerExec;
      case ATTACH -> bean instanceof ContainerAttach;
      case PORT_FORWARD -> bean instanceof PortForward;
      case STATS -> bean instanceof PodStats;
      case NOTIFIES -> bean instanceof PodStatusNotifier;
      case VOLUMES -> bean instanceof VolumeMounts;
      case RESIZE -> bean instanceof InPlaceResize;
      case EPHEMERAL_CONTAINERS -> bean instanceof EphemeralContainers;
    };
  }
}
