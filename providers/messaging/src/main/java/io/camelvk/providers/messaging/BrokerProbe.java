package io.camelvk.providers.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Component;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.kafka.KafkaComponent;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * Whether the broker takes a connection now, for the node's condition: a broker that does not makes
 * the node Ready=False, so the node says why its pods stand still. A JMS broker is asked by opening
 * a connection of its own (past vkbroker's pool, whose connection may be one the broker has not yet
 * been found to have dropped), a Kafka cluster by describing it.
 */
public final class BrokerProbe {

  private Component component;
  private String url;
  private KafkaReachability kafka;

  /** The provider's {@code vkbroker}. */
  public void setComponent(Component component) {
    this.component = component;
  }

  /** The broker's URL; only its part before the options is ever shown (they may hold secrets). */
  public void setUrl(String url) {
    this.url = url;
  }

  /** Why the broker cannot be reached, or empty when it can. */
  Optional<String> unreachable() {
    try {
      check();
      return Optional.empty();
    } catch (ExecutionException e) {
      return unreachable(e.getCause());
    } catch (Exception e) {
      return unreachable(e);
    }
  }

  /**
   * At shutdown: stops vkbroker's JMS connection pool (closing its connection), or releases the
   * Kafka admin client, if one was made.
   */
  public synchronized void close() {
    if (component instanceof JmsComponent jms
        && jms.getConfiguration().getConnectionFactory() instanceof JmsPoolConnectionFactory pool) {
      pool.stop();
    }
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  private void check() throws Exception {
    switch (component) {
      case JmsComponent jms -> {
        try (Connection connection =
            broker(jms.getConfiguration().getConnectionFactory()).createConnection()) {
          connection.start();
        }
      }
      case KafkaComponent cluster -> kafka(cluster).check();
      default -> throw new IllegalStateException("no probe for " + component);
    }
  }

  private static ConnectionFactory broker(ConnectionFactory factory) {
    return factory instanceof JmsPoolConnectionFactory pool
        ? (ConnectionFactory) pool.getConnectionFactory()
        : factory;
  }

  private synchronized KafkaReachability kafka(KafkaComponent cluster) {
    if (kafka == null) {
      kafka = new KafkaReachability(cluster.getConfiguration());
    }
    return kafka;
  }

  private Optional<String> unreachable(Throwable e) {
    return Optional.of("the broker " + shown() + " is unreachable: " + e.getMessage());
  }

  private String shown() {
    int options = url.indexOf('?');
    return options < 0 ? url : url.substring(0, options);
  }
}
