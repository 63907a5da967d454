package io.camelvk.provider.runtime;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the core asks one provider, whatever it is made of: each call is one exchange to the
 * provider's route, {@code direct:provider-<name>} ({@link RouteClient}), with the documented
 * headers. Decorators bound the time a call may take and measure it.
 */
public interface ProviderClient {

  String name();

  void create(Pod pod);

  void update(Pod pod);

  /**
   * Stops the pod within the grace period; answers the containers' last states when the provider
   * reports them (see {@link io.camelvk.provider.GracefulStop}).
   */
  Optional<PodStatus> delete(Pod pod, Duration gracePeriod);

  /** The provider's view of the pod's status, empty when it does not know the pod. */
  Optional<PodStatus> status(Pod pod);

  List<Pod> pods();

  NodeProfile node(String nodeName);

  InputStream logs(String namespace, String pod, String container, LogOptions options);

  Set<ProviderCapability> capabilities();
}
