package io.camelvk.providers.messaging;

/** {@link BrokerRestartBurst} over AMQP 1.0 (camel-amqp, Qpid JMS). */
class MessagingAmqpBrokerRestartIT extends BrokerRestartBehaviour {

  MessagingAmqpBrokerRestartIT() {
    super(BrokerTransport.AMQP);
  }
}
