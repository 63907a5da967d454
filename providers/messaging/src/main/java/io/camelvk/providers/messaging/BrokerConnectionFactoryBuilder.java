package io.camelvk.providers.messaging;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * The broker's connection factory, from {@code vk.provider.messaging.url} (an Artemis URL for the
 * {@code jms} transport, a Qpid JMS one for {@code amqp}: TLS and its stores are options of the
 * URL, their passwords from files: {@link TlsStorePasswords}) and, for a broker that wants them, a
 * user name and a password file read at each connection.
 */
public final class BrokerConnectionFactoryBuilder {

  private String url;
  private BrokerTransport transport = BrokerTransport.JMS;
  private String username;
  private String passwordFile;
  private final TlsStorePasswords stores = new TlsStorePasswords();

  public void setUrl(String url) {
    this.url = url;
  }

  /**
   * Checked as it is set: Camel binds a builder's settings once, and a failure in {@link #build}
   * would be retried with the settings already bound left out (an unknown transport reported as a
   * missing URL).
   */
  public void setTransport(String transport) {
    this.transport = BrokerTransport.of(transport);
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public void setPasswordFile(String passwordFile) {
    this.passwordFile = passwordFile;
  }

  public void setTrustStorePasswordFile(String trustStorePasswordFile) {
    stores.trustStoreFile(trustStorePasswordFile);
  }

  public void setKeyStorePasswordFile(String keyStorePasswordFile) {
    stores.keyStoreFile(keyStorePasswordFile);
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing
   */
  public ConnectionFactory build() {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "vk.provider.messaging.url is not set: the broker's URL, for example"
              + " tcp://broker:61616");
    }
    ConnectionFactory broker =
        switch (transport) {
          case JMS ->
              stores.none()
                  ? new ActiveMQConnectionFactory(url)
                  : stores.applyTo(new ActiveMQConnectionFactory(url));
          case AMQP ->
              stores.none()
                  ? new JmsConnectionFactory(url)
                  : stores.applyTo(new JmsConnectionFactory(url), url);
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
