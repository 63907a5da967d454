package io.camelvk.providers.messaging;

/**
 * {@link MessagingNodeBehaviour} on AMQP 1.0 (camel-amqp, Qpid JMS) against Artemis, its worker on
 * the core protocol of the same broker.
 */
class MessagingAmqpNodeIT extends MessagingNodeBehaviour {

  MessagingAmqpNodeIT() {
    super(BrokerTransport.AMQP);
  }
}
