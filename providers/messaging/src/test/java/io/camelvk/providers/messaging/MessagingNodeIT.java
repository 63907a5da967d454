package io.camelvk.providers.messaging;

/** {@link MessagingNodeBehaviour} on Artemis's core protocol (camel-jms). */
class MessagingNodeIT extends MessagingNodeBehaviour {

  MessagingNodeIT() {
    super(BrokerTransport.JMS);
  }
}
