package io.camelvk.providers.messaging;

import io.camelvk.config.SecretFile;
import java.nio.file.Path;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;

/**
 * How the provider reaches a Kafka cluster: the bootstrap servers ({@code
 * vk.provider.messaging.url}), SASL/PLAIN as a user whose password is in a file, TLS with a trust
 * store whose password is in a file, and the consumer group of the replies. The passwords are read
 * when a client is made and kept by Kafka's own configuration, which never prints them; this object
 * holds only the files' paths.
 */
final class KafkaConnection {

  private static final String PLAIN_LOGIN =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\""
          + " password=\"%s\";";

  private final String servers;
  private final String username;
  private final Path passwordFile;
  private final Path trustStore;
  private final Path trustStorePasswordFile;
  private final String group;

  private KafkaConnection(Builder b) {
    this.servers = b.url;
    this.username = b.username;
    this.passwordFile = b.passwordFile;
    this.trustStore = b.trustStore;
    this.trustStorePasswordFile = b.trustStorePasswordFile;
    this.group = b.group == null ? "camelvk-" + b.node : b.group;
  }

  /** The bootstrap servers, as the node's condition shows them. */
  String servers() {
    return servers;
  }

  /** camel-kafka with this connection and group; each route's URI says how it sends or reads. */
  KafkaComponent component() {
    KafkaConfiguration config = new KafkaConfiguration();
    config.setBrokers(servers);
    config.setGroupId(group);
    config.setSecurityProtocol(securityProtocol());
    if (username != null) {
      config.setSaslMechanism("PLAIN");
      config.setSaslJaasConfig(jaas());
    }
    if (trustStore != null) {
      config.setSslTruststoreLocation(trustStore.toString());
      if (trustStorePasswordFile != null) {
        config.setSslTruststorePassword(SecretFile.readAllowingEmpty(trustStorePasswordFile));
      }
    }
    KafkaComponent component = new KafkaComponent();
    component.setConfiguration(config);
    return component;
  }

  private String securityProtocol() {
    String transport = trustStore == null ? "PLAINTEXT" : "SSL";
    return username == null ? transport : "SASL_" + transport;
  }

  private String jaas() {
    return PLAIN_LOGIN.formatted(
        quoted(username), quoted(SecretFile.readAllowingEmpty(passwordFile)));
  }

  private static String quoted(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    return "Kafka at "
        + servers
        + (username == null ? "" : " as " + username + " (password from " + passwordFile + ")")
        + ", group "
        + group;
  }

  /** Made from the {@code vk.provider.messaging.*} settings; a blank setting is an absent one. */
  static final class Builder {
    private String url;
    private String username;
    private Path passwordFile;
    private Path trustStore;
    private Path trustStorePasswordFile;
    private String group;
    private String node;

    void url(String value) {
      url = blankless(value);
    }

    void username(String value) {
      username = blankless(value);
    }

    void passwordFile(String value) {
      passwordFile = path(value);
    }

    void trustStore(String value) {
      trustStore = path(value);
    }

    void trustStorePasswordFile(String value) {
      trustStorePasswordFile = path(value);
    }

    void group(String value) {
      group = blankless(value);
    }

    void node(String value) {
      node = blankless(value);
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing
     */
    KafkaConnection build() {
      if (url == null) {
        throw new IllegalArgumentException(
            "vk.provider.messaging.url is not set: Kafka's bootstrap servers, for example"
                + " broker:9092");
      }
      if (username != null && passwordFile == null) {
        throw new IllegalArgumentException(
            "vk.provider.messaging.username is set without vk.provider.messaging.password-file");
      }
      return new KafkaConnection(this);
    }

    private static String blankless(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }

    private static Path path(String value) {
      String file = blankless(value);
      return file == null ? null : Path.of(file);
    }
  }
}
