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
  private String transport;
  private String username;
  private String passwordFile;
  private String trustStorePasswordFile;
  private String keyStorePasswordFile;

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

  public void setTrustStorePasswordFile(String trustStorePasswordFile) {
    this.trustStorePasswordFile = trustStorePasswordFile;
  }

  public void setKeyStorePasswordFile(String keyStorePasswordFile) {
    this.keyStorePasswordFile = keyStorePasswordFile;
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
    TlsStorePasswords stores = new TlsStorePasswords(trustStorePasswordFile, keyStorePasswordFile);
    ConnectionFactory broker =
        switch (chosen) {
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
