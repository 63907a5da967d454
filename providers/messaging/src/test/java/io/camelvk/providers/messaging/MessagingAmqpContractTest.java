package io.camelvk.providers.messaging;

import java.util.Map;

/**
 * The provider contract with the provider on AMQP 1.0 (camel-amqp, Qpid JMS, Artemis' AMQP
 * acceptor), through the same routes; the worker stays on the Artemis core protocol, so each
 * message crosses from one protocol to the other in the broker.
 */
class MessagingAmqpContractTest extends MessagingProviderContractTest {

  @Override
  protected Map<String, String> properties() {
    return Map.of(
        "vk.provider.messaging.transport", "amqp", "vk.provider.messaging.url", broker().amqpUrl());
  }
}
