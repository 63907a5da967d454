package io.camelvk.providers.messaging;

import io.camelvk.config.SecretFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.transports.TransportOptions;
import org.apache.qpid.jms.transports.TransportSupport;
import org.apache.qpid.jms.util.PropertyUtil;

/**
 * The passwords of the TLS trust store and key store, each read from its file when the provider
 * starts ({@code vk.provider.messaging.trust-store-password-file}, {@code key-store-password-file})
 * and given to the client in memory, never through the URL (which clients log). The stores
 * themselves stay options of the URL. The Artemis client masks passwords when it shows its
 * connectors; for Qpid JMS the SSL context is made here, from the URL's {@code transport.*} options
 * and these passwords.
 */
final class TlsStorePasswords {

  private final Optional<Path> trustStore;
  private final Optional<Path> keyStore;

  TlsStorePasswords(String trustStorePasswordFile, String keyStorePasswordFile) {
    this.trustStore = file(trustStorePasswordFile);
    this.keyStore = file(keyStorePasswordFile);
  }

  boolean none() {
    return trustStore.isEmpty() && keyStore.isEmpty();
  }

  /** Each connector of the factory gets the passwords as its transport parameters. */
  ActiveMQConnectionFactory applyTo(ActiveMQConnectionFactory factory) {
    for (TransportConfiguration connector : factory.getStaticConnectors()) {
      Map<String, Object> params = connector.getParams();
      trustStore.ifPresent(
          f -> params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, read(f)));
      keyStore.ifPresent(f -> params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, read(f)));
    }
    return factory;
  }

  /**
   * The factory's SSL context, made from the URL's {@code transport.*} options and the passwords.
   */
  JmsConnectionFactory applyTo(JmsConnectionFactory factory, String url) {
    TransportOptions options = new TransportOptions();
    try {
      PropertyUtil.setProperties(
          options,
          PropertyUtil.filterProperties(PropertyUtil.parseQuery(new URI(url)), "transport."));
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "vk.provider.messaging.url: the TLS options cannot be read: " + e.getMessage(), e);
    }
    trustStore.ifPresent(f -> options.setTrustStorePassword(read(f)));
    keyStore.ifPresent(f -> options.setKeyStorePassword(read(f)));
    factory.setSslContext(sslContext(options));
    return factory;
  }

  private static SSLContext sslContext(TransportOptions options) {
    try {
      return TransportSupport.createJdkSslContext(options);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "the TLS stores of vk.provider.messaging.url cannot be opened with the passwords of"
              + " their files: "
              + e.getMessage(),
          e);
    }
  }

  private static String read(Path file) {
    return SecretFile.readAllowingEmpty(file);
  }

  private static Optional<Path> file(String name) {
    return name == null || name.isBlank() ? Optional.empty() : Optional.of(Path.of(name.strip()));
  }
}
