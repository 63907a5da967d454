package io.camelvk.providers.messaging;

import jakarta.jms.Connection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Component;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.kafka.KafkaComponent;

/**
 * Whether the broker takes a connection now, for the node's condition: a broker that does not makes
 * the node Ready=False, so the node says why its pods stand still. A JMS broker is asked by opening
 * a connection, a Kafka cluster by describing it.
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

  /** Releases the Kafka admin client, if one was made. */
  public synchronized void close() {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  private void check() throws Exception {
    switch (component) {
      case JmsComponent jms -> {
        try (Connection connection =
            jms.getConfiguration().getConnectionFactory().createConnection()) {
          connection.start();
        }
      }
      case KafkaComponent cluster -> kafka(cluster).check();
      default -> throw new IllegalStateException("no probe for " + component);
    }
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
