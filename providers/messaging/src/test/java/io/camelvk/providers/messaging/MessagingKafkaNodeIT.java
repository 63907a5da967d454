package io.camelvk.providers.messaging;

/**
 * {@link MessagingNodeBehaviour} on Kafka (camel-kafka), a KRaft broker and the Kafka test worker.
 */
class MessagingKafkaNodeIT extends MessagingNodeBehaviour {

  MessagingKafkaNodeIT() {
    super(BrokerTransport.KAFKA);
  }
}
