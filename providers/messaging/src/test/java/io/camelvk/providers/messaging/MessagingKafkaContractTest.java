package io.camelvk.providers.messaging;

/**
 * {@link MessagingContract} on Kafka (camel-kafka, transport kafka), through the same routes but
 * its own send and consume ones, against a KRaft broker and a worker of plain Kafka clients.
 */
class MessagingKafkaContractTest extends MessagingContract {

  MessagingKafkaContractTest() {
    super(BrokerTransport.KAFKA);
  }
}
