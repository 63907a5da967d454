package io.camelvk.pod.camel;

import io.camelvk.pod.PodKey;
import java.time.Duration;
import org.apache.camel.Exchange;

/** Told about every sync; on a failure, says whether the key should be retried. */
public interface SyncFailureHandler {

  boolean onFailure(PodKey key, Exchange exchange, int attempt);

  /** A sync of the pod is about to begin. */
  default void onStart(PodKey key) {}

  /** Every sync, failed or not, with how long it took. */
  default void onSync(PodKey key, Exchange exchange, Duration took) {}
}
