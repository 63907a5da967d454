package io.camelvk.providers.messaging;

import io.camelvk.controlplane.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Artemis broker on a free loopback port, with the core and AMQP protocols, persistent (its
 * journal in a directory of its own), so that a restart keeps what it had.
 */
final class EmbeddedBroker implements TestBroker {

  private final Path directory;
  private final int port;
  private final String acceptorOptions;
  private EmbeddedActiveMQ server;

  private EmbeddedBroker(Path directory, int port, String acceptorOptions) {
    this.directory = directory;
    this.port = port;
    this.acceptorOptions = acceptorOptions;
  }

  static EmbeddedBroker start() {
    return start("");
  }

  /**
   * @param acceptorOptions more options of its acceptor ({@code &sslEnabled=true&...} for TLS)
   */
  static EmbeddedBroker start(String acceptorOptions) {
    try {
      EmbeddedBroker broker =
          new EmbeddedBroker(
              Files.createTempDirectory("artemis-"), LoopbackPorts.free(), acceptorOptions);
      broker.startServer();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The AMQP 1.0 URL (Qpid JMS), on the same port. */
  String amqpUrl() {
    return "amqp://127.0.0.1:" + port;
  }

  /** The Artemis core protocol's URL. */
  @Override
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  long messageCount(String queue) {
    Queue found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return found == null ? 0 : found.getMessageCount();
  }

  @Override
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the broker did not stop", e);
    }
  }

  @Override
  public void startServer() {
    Configuration config = new ConfigurationImpl();
    config.setPersistenceEnabled(true);
    config.setJournalType(JournalType.NIO);
    config.setJournalDirectory(directory.resolve("journal").toString());
    config.setBindingsDirectory(directory.resolve("bindings").toString());
    config.setPagingDirectory(directory.resolve("paging").toString());
    config.setLargeMessagesDirectory(directory.resolve("large").toString());
    config.setSecurityEnabled(false);
    config.setJMXManagementEnabled(false);
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setRedeliveryDelay(200)
            .setMaxDeliveryAttempts(-1)
            .setDeadLetterAddress(SimpleString.of("DLQ"))
            .setExpiryAddress(SimpleString.of("ExpiryQueue")));
    try {
      config.addAcceptorConfiguration(
          "main", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP" + acceptorOptions);
      server = new EmbeddedActiveMQ();
      server.setConfiguration(config);
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the broker did not start", e);
    }
  }

  @Override
  public void close() {
    stop();
    deleteDirectory();
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
