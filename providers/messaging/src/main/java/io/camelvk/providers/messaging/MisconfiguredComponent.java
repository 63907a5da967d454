package io.camelvk.providers.messaging;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code vkbroker} when the settings cannot make a broker connection: every endpoint of it fails
 * with the reason, so the routes that use it fail the start with it.
 */
final class MisconfiguredComponent extends DefaultComponent {

  private final String reason;

  MisconfiguredComponent(String reason) {
    this.reason = reason;
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
    throw new IllegalArgumentException(reason);
  }
}
