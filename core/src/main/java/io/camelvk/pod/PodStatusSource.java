package io.camelvk.pod;

import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;

/**
 * Where the status of a pod comes from: what its provider last pushed, else its answer when asked.
 * A provider that only pushes has no news of a pod it has not reported yet: its containers are
 * still being created.
 */
public final class PodStatusSource {

  private final Providers providers;
  private final ReportedStatuses reported;

  public PodStatusSource(Providers providers, ReportedStatuses reported) {
    this.providers = providers;
    this.reported = reported;
  }

  /** The provider's view of the pod; empty when the provider does not know it (any more). */
  public Optional<PodStatus> of(Pod pod, String provider) {
    Optional<PodStatus> pushed = reported.of(pod);
    if (pushed.isPresent()) {
      return pushed;
    }
    ProviderHandle handle = providers.require(provider);
    return handle.answersStatus() ? handle.client().status(pod) : Optional.of(new PodStatus());
  }

  public void forget(PodKey key) {
    reported.forget(key);
  }
}
