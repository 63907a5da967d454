package io.camelvk.providers.messaging;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.component.jms.JmsComponent;

/**
 * The component every route of the provider uses, {@code vkbroker}: camel-jms over the Artemis
 * client for {@code vk.provider.messaging.transport=jms}, camel-amqp over Qpid JMS for {@code
 * amqp}. Both are JMS underneath, so the routes, transactions and destinations are the same.
 */
public final class BrokerComponentBuilder {

  private ConnectionFactory connectionFactory;
  private BrokerTransport transport = BrokerTransport.JMS;

  public void setConnectionFactory(ConnectionFactory connectionFactory) {
    this.connectionFactory = connectionFactory;
  }

  /** Checked as it is set, as {@link BrokerConnectionFactoryBuilder#setTransport} says why. */
  public void setTransport(String transport) {
    this.transport = BrokerTransport.of(transport);
  }

  public JmsComponent build() {
    return switch (transport) {
      case JMS -> JmsComponent.jmsComponent(connectionFactory);
      case AMQP -> new AMQPComponent(connectionFactory);
    };
  }
}
