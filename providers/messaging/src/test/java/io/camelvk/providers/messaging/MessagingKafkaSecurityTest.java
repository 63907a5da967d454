package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The provider on a Kafka listener that wants SASL/PLAIN, its password in a file: a pod runs, the
 * password is in no log line (Kafka's clients log their whole configuration at INFO, on here), and
 * a wrong password makes the node say the broker is unreachable; and on a TLS listener, trusting
 * the broker's CA from a truststore whose password is in a file.
 */
class MessagingKafkaSecurityTest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);

  @TempDir static Path dir;
  private static EmbeddedKafka kafka;
  private static KafkaTestWorker worker;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    worker = KafkaTestWorker.start(kafka.url());
  }

  @AfterAll
  static void stopBroker() {
    worker.close();
    kafka.close();
  }

  @Test
  void aProviderThatLogsInWithAPasswordFromAFileRunsAPodAndLogsNoPassword() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), EmbeddedKafka.SASL_PASSWORD + "\n");
    ListAppender<ILoggingEvent> lines = capture();
    try (MessagingProcess process = start("sasl-node", password)) {
      Pod pod = TestPods.named("sasl", "over-sasl", UUID.randomUUID().toString()).build();
      process.create(pod);

      await().atMost(PATIENCE).until(() -> process.running(pod));
      assertThat(process.ready()).isEmpty();
    } finally {
      release(lines);
    }
    assertThat(lines.list).anyMatch(e -> e.getFormattedMessage().contains("sasl.jaas.config"));
    assertThat(lines.list)
        .noneMatch(e -> e.getFormattedMessage().contains(EmbeddedKafka.SASL_PASSWORD));
  }

  @Test
  void aWrongPasswordMakesTheNodeSayTheBrokerIsUnreachable() throws Exception {
    Path password = Files.writeString(dir.resolve("wrong"), "not-the-password");
    try (MessagingProcess process = start("wrong-password-node", password)) {
      assertThat(process.ready())
          .hasValueSatisfying(
              c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("BrokerUnreachable");
                assertThat(c.getMessage())
                    .startsWith("the broker " + kafka.saslUrl() + " is unreachable: ")
                    .contains("Authentication failed");
              });
    }
  }

  @Test
  void aProviderThatTrustsTheBrokersCaRunsAPodOverTls() throws Exception {
    try (MessagingProcess process =
        MessagingProcess.start(
            "tls-node",
            Map.of(
                "vk.provider.messaging.transport", "kafka",
                "vk.provider.messaging.url", kafka.tlsUrl(),
                "vk.provider.messaging.trust-store", kafka.tls().truststore().toString(),
                "vk.provider.messaging.trust-store-password-file",
                    kafka.tls().truststorePasswordFile().toString(),
                "vk.provider.messaging.group", "tls-node"))) {
      Pod pod = TestPods.named("tls", "over-tls", UUID.randomUUID().toString()).build();
      process.create(pod);

      await().atMost(PATIENCE).until(() -> process.running(pod));
      assertThat(process.ready()).isEmpty();
    }
  }

  private static MessagingProcess start(String node, Path password) throws Exception {
    return MessagingProcess.start(
        node,
        Map.of(
            "vk.provider.messaging.transport",
            "kafka",
            "vk.provider.messaging.url",
            kafka.saslUrl(),
            "vk.provider.messaging.username",
            EmbeddedKafka.SASL_USER,
            "vk.provider.messaging.password-file",
            password.toString(),
            "vk.provider.messaging.group",
            node));
  }

  /** Every log line from here on, Kafka's and Camel's INFO ones included. */
  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(lines);
    ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.INFO);
    return lines;
  }

  private static void release(ListAppender<ILoggingEvent> lines) {
    ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(lines);
  }
}
