package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that wants TLS both ways, reached on each transport with the TLS stores' passwords read
 * from their files (vk.provider.messaging.trust-store-password-file and key-store-password-file),
 * none of them in the URL or in what the factory or its errors show.
 */
class BrokerTlsTest {

  @TempDir static Path dir;

  private static TlsStores stores;
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    stores = TlsStores.make(dir, "pw");
    broker =
        EmbeddedBroker.start(
            "&sslEnabled=true&needClientAuth=true"
                + "&keyStoreType=PKCS12&keyStorePath="
                + stores.path(TlsStores.BROKER_KEYS)
                + "&keyStorePassword="
                + stores.passwordOf(TlsStores.BROKER_KEYS)
                + "&trustStoreType=PKCS12&trustStorePath="
                + stores.path(TlsStores.BROKER_TRUST)
                + "&trustStorePassword="
                + stores.passwordOf(TlsStores.BROKER_TRUST));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void theCoreProtocolOpensBothStoresWithThePasswordsOfTheirFiles() throws Exception {
    ConnectionFactory factory =
        factory("jms", coreUrl(), passwordFile(TlsStores.CLIENT_TRUST, "trust"));

    connect(factory);
    assertThat(factory.toString()).doesNotContain(stores.password());
  }

  @Test
  void amqpOpensBothStoresWithThePasswordsOfTheirFiles() throws Exception {
    ConnectionFactory factory =
        factory("amqp", amqpUrl(), passwordFile(TlsStores.CLIENT_TRUST, "trust"));

    connect(factory);
    assertThat(factory.toString()).doesNotContain(stores.password());
  }

  @Test
  void aWrongTrustStorePasswordFailsWithoutShowingIt() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong"), "pw-not-this-one\n");

    assertThatThrownBy(() -> connect(factory("jms", coreUrl(), wrong)))
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("pw-"));
    assertThatThrownBy(() -> connect(factory("amqp", amqpUrl(), wrong)))
        .satisfies(
            e ->
                assertThat(stackTrace(e))
                    .contains("the TLS stores of vk.provider.messaging.url do not open")
                    .doesNotContain("pw-"));
  }

  @Test
  void anUnreadablePasswordFileStopsTheStartNamingItsSetting() {
    BrokerConnectionFactoryBuilder builder = new BrokerConnectionFactoryBuilder();

    assertThatThrownBy(() -> builder.setKeyStorePasswordFile(dir.resolve("gone").toString()))
        .hasMessageStartingWith("vk.provider.messaging.key-store-password-file: ");
  }

  private static ConnectionFactory factory(String transport, String url, Path trustPassword)
      throws Exception {
    BrokerConnectionFactoryBuilder builder = new BrokerConnectionFactoryBuilder();
    builder.setTransport(transport);
    builder.setUrl(url);
    builder.setTrustStorePasswordFile(trustPassword.toString());
    builder.setKeyStorePasswordFile(passwordFile(TlsStores.CLIENT_KEYS, "keys").toString());
    return builder.build();
  }

  private static void connect(ConnectionFactory factory) throws Exception {
    try (Connection connection = factory.createConnection()) {
      connection.start();
      connection.createSession().close();
    }
  }

  private static String coreUrl() {
    return broker.url()
        + "?sslEnabled=true&trustStoreType=PKCS12&trustStorePath="
        + stores.path(TlsStores.CLIENT_TRUST)
        + "&keyStoreType=PKCS12&keyStorePath="
        + stores.path(TlsStores.CLIENT_KEYS);
  }

  private static String amqpUrl() {
    return broker.amqpUrl().replace("amqp://", "amqps://")
        + "?transport.storeType=PKCS12&transport.trustStoreLocation="
        + stores.path(TlsStores.CLIENT_TRUST)
        + "&transport.keyStoreLocation="
        + stores.path(TlsStores.CLIENT_KEYS);
  }

  private static Path passwordFile(String store, String name) throws Exception {
    return Files.writeString(dir.resolve(name + "-password"), stores.passwordOf(store) + "\n");
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
