package io.camelvk.providers.messaging;

import io.camelvk.config.SecretFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionExtensions;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.transports.TransportOptions;
import org.apache.qpid.jms.transports.TransportSupport;
import org.apache.qpid.jms.util.PropertyUtil;

/**
 * The passwords of the TLS trust store and key store, each read from its file when the provider
 * starts ({@code vk.provider.messaging.trust-store-password-file}, {@code key-store-password-file})
 * and given to the client in memory, never through the URL (which clients log). The stores
 * themselves stay options of the URL. The Artemis client masks passwords when it shows its
 * connectors; for Qpid JMS the SSL context is made here at each connection, from the URL's {@code
 * transport.*} options and these passwords. A store that does not open fails the connection, as
 * with the passwords in the URL.
 */
final class TlsStorePasswords {

  private Optional<String> trustStore = Optional.empty();
  private Optional<String> keyStore = Optional.empty();

  void trustStoreFile(String file) {
    trustStore = read("trust-store-password-file", file);
  }

  void keyStoreFile(String file) {
    keyStore = read("key-store-password-file", file);
  }

  boolean none() {
    return trustStore.isEmpty() && keyStore.isEmpty();
  }

  /** Each connector of the factory gets the passwords as its transport parameters. */
  ActiveMQConnectionFactory applyTo(ActiveMQConnectionFactory factory) {
    for (TransportConfiguration connector : factory.getStaticConnectors()) {
      Map<String, Object> params = connector.getParams();
      trustStore.ifPresent(p -> params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, p));
      keyStore.ifPresent(p -> params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, p));
    }
    return factory;
  }

  /** Each connection's SSL context is made from the URL's {@code transport.*} options. */
  JmsConnectionFactory applyTo(JmsConnectionFactory factory, String url) {
    factory.setExtension(
        JmsConnectionExtensions.SSL_CONTEXT.toString(), (connection, uri) -> sslContext(url));
    return factory;
  }

  private SSLContext sslContext(String url) {
    try {
      TransportOptions options = new TransportOptions();
      PropertyUtil.setProperties(
          options,
          PropertyUtil.filterProperties(PropertyUtil.parseQuery(new URI(url)), "transport."));
      trustStore.ifPresent(options::setTrustStorePassword);
      keyStore.ifPresent(options::setKeyStorePassword);
      return TransportSupport.createJdkSslContext(options);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the TLS stores of vk.provider.messaging.url do not open with the passwords of their"
              + " files: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Read at once, when the setting is bound: a failure then names the setting (Camel binds a
   * builder bean's settings once; a failure in {@code build} would come back naming another).
   */
  private static Optional<String> read(String property, String file) {
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SecretFile.readAllowingEmpty(Path.of(file.strip())));
    } catch (UncheckedIOException e) {
      // Without its cause: the start reports the root cause, which is to name the setting.
      throw new IllegalArgumentException(
          "vk.provider.messaging."
              + property
              + ": "
              + e.getMessage()
              + " ("
              + e.getCause().getClass().getSimpleName()
              + ")");
    }
  }
}
