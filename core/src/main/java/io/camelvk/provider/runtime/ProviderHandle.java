package io.camelvk.provider.runtime;

import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.ProviderException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * One provider of this node as the core uses it: its client (through its route, time-limited and
 * measured) and what it can do beyond the lifecycle.
 *
 * @param answersStatus whether the core asks it for a pod's status ({@code status} operation); a
 *     provider made of routes alone that notifies pushes each status to {@code
 *     direct:vk-pod-status} instead, and is never asked
 */
public record ProviderHandle(
    String name, ProviderClient client, ProviderCapabilities capabilities, boolean answersStatus) {

  /**
   * Stops the pod within the grace period and answers its containers' last states if the provider
   * gave them; one the provider does not know is deleted already.
   */
  public Optional<PodStatus> delete(Pod pod, Duration gracePeriod) {
    try {
      return client.delete(pod, gracePeriod);
    } catch (ProviderException e) {
      if (e.kind() != ProviderException.Kind.NOT_FOUND) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
