package io.camelvk.provider;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider that stops a pod within its grace period, as a container runtime stops a container
 * with a timeout: ask the containers to stop, run preStop hooks if the backend has them, wait at
 * most the grace period, then stop them by force. The core calls it instead of {@link
 * Provider#deletePod} and gives the call the grace period plus the provider-call timeout.
 */
public interface GracefulStop {

  /**
   * Stops the pod's containers within {@code gracePeriod} and forgets the pod, like {@link
   * Provider#deletePod}. Answers the containers' last states (terminated, with their exit codes:
   * 137 for one stopped by force) or empty, in which case the core reports each running container
   * terminated with exit code 0.
   */
  Optional<PodStatus> stopPod(Pod pod, Duration gracePeriod);
}
