package io.camelvk.providers.messaging;

import io.camelvk.config.ProviderSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.kafka.common.header.Header;

/**
 * One transport the messaging tests run on: its broker, started here, a worker on it, and the
 * provider's properties to reach it. On {@code jms} and {@code amqp} the broker is Artemis and the
 * worker speaks its core protocol either way; on {@code kafka} they are a KRaft broker and a worker
 * of plain Kafka clients.
 */
final class TestTransport implements AutoCloseable {

  /** The Artemis client reconnects by itself after a broker restart and recreates its consumers. */
  private static final String RECONNECTING = "?reconnectAttempts=-1&retryInterval=200";

  /** The property (header on Kafka) that says why a message was dead-lettered. */
  private static final String REASON = "vkDeadLetterReason";

  private final BrokerTransport transport;
  private final TestBroker broker;
  private final String providerUrl;

  private TestTransport(BrokerTransport transport, TestBroker broker, String providerUrl) {
    this.transport = transport;
    this.broker = broker;
    this.providerUrl = providerUrl;
  }

  static TestTransport start(BrokerTransport transport) {
    if (transport == BrokerTransport.KAFKA) {
      EmbeddedKafka kafka = EmbeddedKafka.start();
      return new TestTransport(transport, kafka, kafka.url());
    }
    EmbeddedBroker artemis = EmbeddedBroker.start();
    String url = transport == BrokerTransport.AMQP ? artemis.amqpUrl() : artemis.url();
    return new TestTransport(transport, artemis, url);
  }

  /** Kafka on a broker of the test's own. */
  static TestTransport on(EmbeddedKafka kafka) {
    return new TestTransport(BrokerTransport.KAFKA, kafka, kafka.url());
  }

  /** A worker on the broker, that outlives a broker restart. */
  BrokerWorker startWorker() {
    if (transport == BrokerTransport.KAFKA) {
      return KafkaTestWorker.start(broker.url());
    }
    return TestWorker.start(broker.url() + RECONNECTING);
  }

  /** How long a test waits for the provider and the worker: Kafka's consumer groups are slower. */
  Duration patience() {
    return Duration.ofSeconds(transport == BrokerTransport.KAFKA ? 40 : 30);
  }

  /** The transport and the URL, as the provider's properties. */
  Map<String, String> providerProperties() {
    return Map.of(
        "vk.provider.messaging.transport",
        transport.name().toLowerCase(Locale.ROOT),
        "vk.provider.messaging.url",
        providerUrl);
  }

  /** The messaging provider alone, with the transport's properties, for a whole kubelet. */
  ProviderSettings providerSettings() {
    return withProperties(ProviderSettings.only("messaging", Optional.empty()));
  }

  /** These providers with the transport's properties added. */
  ProviderSettings withProperties(ProviderSettings providers) {
    ProviderSettings with = providers;
    for (Map.Entry<String, String> property : providerProperties().entrySet()) {
      with = with.withProperty(property.getKey(), property.getValue());
    }
    return with;
  }

  /** A message on the dead-letter destination and the reason it carries. */
  record DeadLetter(String body, String reason) {}

  /**
   * What the dead-letter destination holds; on Artemis the messages are taken off the queue, so a
   * second call returns only those that came since.
   */
  List<DeadLetter> deadLetters() throws JMSException {
    if (broker instanceof EmbeddedKafka kafka) {
      return kafka.records(KafkaTestWorker.DEAD_LETTER).stream()
          .map(r -> new DeadLetter(r.value(), text(r.headers().lastHeader(REASON))))
          .toList();
    }
    List<DeadLetter> taken = new ArrayList<>();
    try (Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      connection.start();
      MessageConsumer consumer =
          session.createConsumer(session.createQueue(KafkaTestWorker.DEAD_LETTER));
      for (Message m = consumer.receive(1000); m != null; m = consumer.receive(200)) {
        taken.add(new DeadLetter(((TextMessage) m).getText(), m.getStringProperty(REASON)));
      }
    }
    return taken;
  }

  private static String text(Header header) {
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The URL the provider is given. */
  String providerUrl() {
    return providerUrl;
  }

  BrokerTransport transport() {
    return transport;
  }

  TestBroker broker() {
    return broker;
  }

  /** The Artemis broker, for a test that reads its queues. */
  EmbeddedBroker artemis() {
    if (broker instanceof EmbeddedBroker artemis) {
      return artemis;
    }
    throw new IllegalStateException(transport + " has no Artemis broker");
  }

  /** The Kafka broker, for a test that reads its topics. */
  EmbeddedKafka kafka() {
    if (broker instanceof EmbeddedKafka kafka) {
      return kafka;
    }
    throw new IllegalStateException(transport + " has no Kafka broker");
  }

  @Override
  public void close() {
    broker.close();
  }
}
