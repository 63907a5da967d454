package io.camelvk.providers.messaging;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Asks a Kafka cluster to describe itself, with a short timeout, through one admin client kept for
 * the process (it reconnects by itself), on the connection the provider's component has.
 */
final class KafkaReachability implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;

  KafkaReachability(KafkaConfiguration connection) {
    this.admin = Admin.create(properties(connection));
  }

  /**
   * @throws ExecutionException with Kafka's reason, when the cluster did not answer
   */
  void check() throws ExecutionException, InterruptedException, TimeoutException {
    admin
        .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
        .nodes()
        .get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    admin.close(Duration.ZERO);
  }

  private static Properties properties(KafkaConfiguration connection) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.getBrokers());
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.getSecurityProtocol());
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "camelvk-broker-probe");
    if (connection.getSaslJaasConfig() != null) {
      props.put(SaslConfigs.SASL_MECHANISM, connection.getSaslMechanism());
      props.put(SaslConfigs.SASL_JAAS_CONFIG, connection.getSaslJaasConfig());
    }
    if (connection.getSslTruststoreLocation() != null) {
      props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, connection.getSslTruststoreLocation());
      if (connection.getSslTruststorePassword() != null) {
        props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, connection.getSslTruststorePassword());
      }
    }
    return props;
  }
}
