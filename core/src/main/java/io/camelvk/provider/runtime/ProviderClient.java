package io.camelvk.provider.runtime;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.volume.PodVolumes;
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

  /**
   * Starts the pod.
   *
   * @param volumes its volumes with their files, for a provider that takes them; null for one that
   *     does not
   */
  void create(Pod pod, PodVolumes volumes);

  /**
   * Applies a changed spec, or changed volume contents, of a running pod.
   *
   * @param volumes its volumes as they are now; null when the provider does not take volumes or
   *     keeps the ones it has (they cannot be read again just now)
   */
  void update(Pod pod, PodVolumes volumes);

  /** Starts a pod, giving no volumes. */
  default void create(Pod pod) {
    create(pod, null);
  }

  /** Updates a pod, giving no volumes. */
  default void update(Pod pod) {
    update(pod, null);
  }

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
