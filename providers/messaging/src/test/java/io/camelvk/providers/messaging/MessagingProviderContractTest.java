package io.camelvk.providers.messaging;

/** {@link MessagingContract} over the Artemis core protocol (camel-jms). */
class MessagingProviderContractTest extends MessagingContract {

  MessagingProviderContractTest() {
    super(BrokerTransport.JMS);
  }
}
