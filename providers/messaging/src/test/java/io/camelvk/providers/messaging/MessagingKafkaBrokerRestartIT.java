package io.camelvk.providers.messaging;

/** {@link BrokerRestartBurst} on Kafka (camel-kafka, a one-node KRaft broker). */
class MessagingKafkaBrokerRestartIT extends BrokerRestartBehaviour {

  MessagingKafkaBrokerRestartIT() {
    super(BrokerTransport.KAFKA);
  }
}
