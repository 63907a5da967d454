package io.camelvk.providers.messaging;

/**
 * {@link BrokerOutageBehaviour} on Kafka: there the node knows the broker is away because Kafka's
 * admin client cannot describe the cluster.
 */
class KafkaBrokerOutageTest extends BrokerOutageBehaviour {

  KafkaBrokerOutageTest() {
    super(BrokerTransport.KAFKA);
  }
}
