package io.camelvk.providers.messaging;

/**
 * {@link LogsFollowBehaviour} on Kafka: the log requests and the cancel go on the control topic,
 * the answers come on the replies topic keyed by the worker, so in order.
 */
class MessagingKafkaLogsFollowTest extends LogsFollowBehaviour {

  MessagingKafkaLogsFollowTest() {
    super(BrokerTransport.KAFKA);
  }
}
