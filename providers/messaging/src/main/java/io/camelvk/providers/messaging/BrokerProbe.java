package io.camelvk.providers.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.Optional;

/**
 * Whether the broker takes a connection now, for the node's condition: a broker that does not makes
 * the node Ready=False, so the node says why its pods stand still.
 */
public final class BrokerProbe {

  private ConnectionFactory connectionFactory;
  private String url;

  public void setConnectionFactory(ConnectionFactory connectionFactory) {
    this.connectionFactory = connectionFactory;
  }

  /** The broker's URL; only its part before the options is ever shown (they may hold secrets). */
  public void setUrl(String url) {
    this.url = url;
  }

  /** Why the broker cannot be reached, or empty when it can. */
  Optional<String> unreachable() {
    try (Connection connection = connectionFactory.createConnection()) {
      connection.start();
      return Optional.empty();
    } catch (JMSException | RuntimeException e) {
      return Optional.of("the broker " + shown() + " is unreachable: " + e.getMessage());
    }
  }

  private String shown() {
    int options = url.indexOf('?');
    return options < 0 ? url : url.substring(0, options);
  }
}
