package io.camelvk.providers.messaging;

import java.util.Locale;

/** How the provider speaks to the broker: {@code vk.provider.messaging.transport}. */
enum BrokerTransport {
  /**
   * The Artemis core protocol, through the Artemis Jakarta JMS client: {@code tcp://host:61616}.
   */
  JMS,
  /** AMQP 1.0, through Qpid JMS: {@code amqp://host:5672}, {@code amqps://...} for TLS. */
  AMQP;

  static BrokerTransport of(String name) {
    String value = name == null || name.isBlank() ? "jms" : name.strip();
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      // Without its cause: the start reports the root cause, which is to name the setting.
      throw new IllegalArgumentException(
          "vk.provider.messaging.transport is " + value + ": it must be jms or amqp");
    }
  }
}
