package io.camelvk.provider;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;

/**
 * How long a pod's containers get to stop, as the kubelet decides it: the grace period of the pod's
 * deletion ({@code metadata.deletionGracePeriodSeconds}), else the pod's {@code
 * spec.terminationGracePeriodSeconds}, and never less than the kubelet's minimum.
 */
public final class GracePeriod {

  /** The API's default {@code terminationGracePeriodSeconds}. */
  public static final Duration DEFAULT = Duration.ofSeconds(30);

  /** The kubelet's {@code minimumGracePeriodInSeconds}: a minimal window before a forced stop. */
  public static final Duration MINIMUM = Duration.ofSeconds(2);

  private GracePeriod() {}

  public static Duration of(Pod pod) {
    Long seconds =
        pod.getMetadata() == null ? null : pod.getMetadata().getDeletionGracePeriodSeconds();
    if (seconds == null && pod.getSpec() != null) {
      seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    }
    Duration grace = seconds == null ? DEFAULT : Duration.ofSeconds(seconds);
    return grace.compareTo(MINIMUM) < 0 ? MINIMUM : grace;
  }
}
