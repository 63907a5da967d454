package io.camelvk.providers.messaging;

/** {@link BrokerRestartBurst} over the Artemis core protocol (camel-jms). */
class MessagingBrokerRestartIT extends BrokerRestartBehaviour {

  MessagingBrokerRestartIT() {
    super(BrokerTransport.JMS);
  }
}
