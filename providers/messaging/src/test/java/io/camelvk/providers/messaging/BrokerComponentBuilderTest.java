package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.ConnectionFactory;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * vkbroker on the JMS transports: one pooled connection, the pool stopped at shutdown; credentials
 * without their password file refused, as the start reports it.
 */
class BrokerComponentBuilderTest {

  @Test
  void jmsSendsAndConsumesThroughOnePooledArtemisConnection() {
    JmsPoolConnectionFactory pool = pool(build("jms", "tcp://127.0.0.1:61616"));

    assertThat(pool.getMaxConnections()).isEqualTo(1);
    assertThat(pool.getConnectionFactory()).isInstanceOf(ActiveMQConnectionFactory.class);
  }

  @Test
  void amqpSendsAndConsumesThroughOnePooledQpidConnection() {
    JmsComponent amqp = build("amqp", "amqp://127.0.0.1:5672");

    assertThat(amqp).isInstanceOf(AMQPComponent.class);
    assertThat(pool(amqp).getMaxConnections()).isEqualTo(1);
    assertThat(pool(amqp).getConnectionFactory()).isInstanceOf(JmsConnectionFactory.class);
  }

  @Test
  void aUserWithoutAPasswordFileStopsTheStartNamingBothSettings() {
    for (String transport : new String[] {"jms", "kafka"}) {
      assertThatThrownBy(
              () ->
                  MessagingProcess.start(
                      "no-password-node",
                      Map.of(
                          "vk.provider.messaging.transport", transport,
                          "vk.provider.messaging.url", "tcp://127.0.0.1:61616",
                          "vk.provider.messaging.username", "vk")))
          .rootCause()
          .hasMessage(
              "vk.provider.messaging.username is set without vk.provider.messaging.password-file");
    }
  }

  @Test
  void closingTheProbeAtShutdownStopsThePool() throws Exception {
    JmsComponent jms = build("jms", "tcp://127.0.0.1:61616");
    BrokerProbe probe = new BrokerProbe();
    probe.setComponent(jms);
    probe.setUrl("tcp://127.0.0.1:61616");

    probe.close();

    // A stopped pool makes no connection (pooled-jms answers null instead).
    ConnectionFactory pool = jms.getConfiguration().getConnectionFactory();
    assertThat(pool.createConnection()).isNull();
  }

  private static JmsComponent build(String transport, String url) {
    BrokerComponentBuilder builder = new BrokerComponentBuilder();
    builder.setTransport(transport);
    builder.setUrl(url);
    return (JmsComponent) builder.build();
  }

  private static JmsPoolConnectionFactory pool(JmsComponent component) {
    return (JmsPoolConnectionFactory) component.getConfiguration().getConnectionFactory();
  }
}
