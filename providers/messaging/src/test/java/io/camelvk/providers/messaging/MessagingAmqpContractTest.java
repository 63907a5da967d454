package io.camelvk.providers.messaging;

/**
 * {@link MessagingContract} on AMQP 1.0 (camel-amqp, Qpid JMS, Artemis' AMQP acceptor); the worker
 * stays on the Artemis core protocol, so each message crosses from one protocol to the other in the
 * broker.
 */
class MessagingAmqpContractTest extends MessagingContract {

  MessagingAmqpContractTest() {
    super(BrokerTransport.AMQP);
  }
}
