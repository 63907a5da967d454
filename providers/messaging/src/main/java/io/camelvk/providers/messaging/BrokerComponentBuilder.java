package io.camelvk.providers.messaging;

import org.apache.camel.Component;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.component.jms.JmsComponent;

/**
 * The component every route of the provider uses, {@code vkbroker}, as {@code
 * vk.provider.messaging.transport} says: camel-jms over the Artemis client for {@code jms},
 * camel-amqp over Qpid JMS for {@code amqp} (both JMS underneath, so their routes, transactions and
 * destinations are the same), camel-kafka for {@code kafka} (its own send and consume routes pick
 * it by the same property).
 */
public final class BrokerComponentBuilder {

  private final BrokerConnectionFactoryBuilder jms = new BrokerConnectionFactoryBuilder();
  private final KafkaConnection.Builder kafka = new KafkaConnection.Builder();
  private String transport;

  public void setUrl(String url) {
    jms.setUrl(url);
    kafka.url(url);
  }

  public void setTransport(String transport) {
    this.transport = transport;
    jms.setTransport(transport);
  }

  public void setUsername(String username) {
    jms.setUsername(username);
    kafka.username(username);
  }

  public void setPasswordFile(String passwordFile) {
    jms.setPasswordFile(passwordFile);
    kafka.passwordFile(passwordFile);
  }

  public void setTruststore(String truststore) {
    kafka.truststore(truststore);
  }

  public void setTruststorePasswordFile(String file) {
    kafka.truststorePasswordFile(file);
  }

  public void setGroup(String group) {
    kafka.group(group);
  }

  public void setNode(String node) {
    kafka.node(node);
  }

  public Component build() {
    return switch (BrokerTransport.of(transport)) {
      case JMS -> JmsComponent.jmsComponent(jms.build());
      case AMQP -> new AMQPComponent(jms.build());
      case KAFKA -> kafka.build().component();
    };
  }
}
