package io.camelvk.provider;

import java.time.Duration;

/** A provider call that did not return within the provider-call timeout: retried like TRANSIENT. */
public final class ProviderTimeoutException extends ProviderException {

  private final Duration timeout;

  public ProviderTimeoutException(String message, Duration timeout) {
    super(Kind.TRANSIENT, message);
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
