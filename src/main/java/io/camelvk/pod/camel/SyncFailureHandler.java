package io.camelvk.pod.camel;

import io.camelvk.pod.PodKey;
import org.apache.camel.Exchange;

/** Told about every failed exchange; says whether the key should be retried. */
@FunctionalInterface
public interface SyncFailureHandler {

  boolean onFailure(PodKey key, Exchange exchange, int attempt);
}
