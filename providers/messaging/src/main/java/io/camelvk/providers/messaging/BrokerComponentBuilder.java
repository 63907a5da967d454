package io.camelvk.providers.messaging;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Component;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.component.jms.JmsComponent;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * The component every route of the provider uses, {@code vkbroker}, as {@code
 * vk.provider.messaging.transport} says: camel-jms over the Artemis client for {@code jms},
 * camel-amqp over Qpid JMS for {@code amqp} (both JMS underneath, so their routes, transactions and
 * destinations are the same), camel-kafka for {@code kafka} (its own send and consume routes pick
 * it by the same property). The JMS transports send and consume through one pooled connection, its
 * sessions and producers kept for the next send instead of a connection per command; a connection
 * the broker drops is replaced. {@link BrokerProbe#close} stops the pool.
 */
public final class BrokerComponentBuilder {

  private final BrokerConnectionFactoryBuilder jms = new BrokerConnectionFactoryBuilder();
  private final KafkaConnection.Builder kafka = new KafkaConnection.Builder();
  private BrokerTransport transport = BrokerTransport.JMS;
  private boolean username;
  private boolean passwordFile;

  public void setUrl(String url) {
    jms.setUrl(url);
    kafka.url(url);
  }

  /** Checked as it is set, as {@link BrokerConnectionFactoryBuilder#setTransport} says why. */
  public void setTransport(String transport) {
    this.transport = BrokerTransport.of(transport);
    jms.setTransport(transport);
  }

  public void setUsername(String username) {
    this.username = username != null && !username.isBlank();
    jms.setUsername(username);
    kafka.username(username);
  }

  public void setPasswordFile(String passwordFile) {
    this.passwordFile = passwordFile != null && !passwordFile.isBlank();
    jms.setPasswordFile(passwordFile);
    kafka.passwordFile(passwordFile);
  }

  /** Kafka's trust store; the JMS clients take theirs from the URL. */
  public void setTrustStore(String trustStore) {
    kafka.trustStore(trustStore);
  }

  /** Read as it is bound (so that a failure names the setting), for whichever transport. */
  public void setTrustStorePasswordFile(String file) {
    jms.setTrustStorePasswordFile(file);
    kafka.trustStorePasswordFile(file);
  }

  public void setKeyStorePasswordFile(String file) {
    jms.setKeyStorePasswordFile(file);
  }

  public void setGroup(String group) {
    kafka.group(group);
  }

  public void setNode(String node) {
    kafka.node(node);
  }

  /**
   * A user without a password file gives a component that fails its routes' start with that
   * message: thrown here, it would not be reported as it is (Camel's YAML beans retry a builder
   * whose first build failed without the settings already bound, and report the retry's failure).
   */
  public Component build() {
    if (username && !passwordFile) {
      return new MisconfiguredComponent(
          "vk.provider.messaging.username is set without vk.provider.messaging.password-file");
    }
    return switch (transport) {
      case JMS -> JmsComponent.jmsComponent(pooled(jms.build()));
      case AMQP -> new AMQPComponent(pooled(jms.build()));
      case KAFKA -> kafka.build().component();
    };
  }

  private static JmsPoolConnectionFactory pooled(ConnectionFactory broker) {
    JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
    pool.setConnectionFactory(broker);
    pool.setMaxConnections(1);
    return pool;
  }
}
