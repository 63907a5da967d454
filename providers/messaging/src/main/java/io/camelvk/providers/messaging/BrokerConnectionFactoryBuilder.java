package io.camelvk.providers.messaging;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * The broker's connection factory, from {@code vk.provider.messaging.url} (an Artemis URL for the
 * {@code jms} transport, a Qpid JMS one for {@code amqp}: TLS and its stores are options of the
 * URL) and, for a broker that wants them, a user name and a password file read at each connection.
 */
public final class BrokerConnectionFactoryBuilder {

  private String url;
  private String transport;
  private String username;
  private String passwordFile;

  public void setUrl(String url) {
    this.url = url;
  }

  public void setTransport(String transport) {
    this.transport = transport;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public void setPasswordFile(String passwordFile) {
    this.passwordFile = passwordFile;
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing
   */
  public ConnectionFactory build() {
    BrokerTransport chosen = BrokerTransport.of(transport);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "vk.provider.messaging.url is not set: the broker's URL, for example"
              + " tcp://broker:61616");
    }
    ConnectionFactory broker =
        switch (chosen) {
          case JMS -> new ActiveMQConnectionFactory(url);
          case AMQP -> new JmsConnectionFactory(url);
          case KAFKA -> throw new IllegalStateException("Kafka has no JMS connection factory");
        };
    if (username == null || username.isBlank()) {
      return broker;
    }
    if (passwordFile == null || passwordFile.isBlank()) {
      throw new IllegalArgumentException(
          "vk.provider.messaging.username is set without vk.provider.messaging.password-file");
    }
    return new FileCredentialsConnectionFactory(broker, username, Path.of(passwordFile));
  }
}
