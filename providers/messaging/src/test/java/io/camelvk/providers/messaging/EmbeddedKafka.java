package io.camelvk.providers.messaging;

import io.camelvk.controlplane.LoopbackPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka cluster in KRaft mode (broker and controller in one process) on free loopback
 * ports (a plain listener, one that wants SASL/PLAIN and one with TLS), its log in a directory of
 * its own (with the TLS stores; deleted when it closes), so that a restart keeps what it had. The
 * provider's topics are made at the first start, with several partitions for commands and replies,
 * so that the record key is what keeps one pod's messages in order.
 */
final class EmbeddedKafka implements TestBroker {

  static final int PARTITIONS = 3;

  /** Kafka's default {@code group.initial.rebalance.delay.ms}. */
  static final long SHIPPED_GROUP_DELAY_MS = 3000;

  /** The user the SASL/PLAIN listener knows, and its password. */
  static final String SASL_USER = "vk";

  static final String SASL_PASSWORD = "kafka-test-secret-4711";

  private final Path root;
  private final Path directory;
  private final int port;
  private final int controllerPort;
  private final int saslPort;
  private final int tlsPort;
  private final KafkaTlsStores tls;
  private final int partitions;
  private final Duration groupDelay;
  private KafkaRaftServer server;

  private EmbeddedKafka(
      Path root, Path directory, KafkaTlsStores tls, int partitions, Duration groupDelay) {
    this.root = root;
    this.directory = directory;
    this.tls = tls;
    this.partitions = partitions;
    this.groupDelay = groupDelay;
    int[] ports = LoopbackPorts.free(4);
    this.port = ports[0];
    this.controllerPort = ports[1];
    this.saslPort = ports[2];
    this.tlsPort = ports[3];
  }

  static EmbeddedKafka start() {
    return start(PARTITIONS);
  }

  /** With this many partitions for the commands and replies topics. */
  static EmbeddedKafka start(int partitions) {
    return start(partitions, Duration.ZERO);
  }

  /**
   * As Kafka is shipped: the first member of an empty consumer group waits {@value
   * #SHIPPED_GROUP_DELAY_MS} ms for others before partitions are assigned (the tests' broker does
   * not wait).
   */
  static EmbeddedKafka startAsShipped() {
    return start(PARTITIONS, Duration.ofMillis(SHIPPED_GROUP_DELAY_MS));
  }

  private static EmbeddedKafka start(int partitions, Duration groupDelay) {
    try {
      Path root = Files.createTempDirectory("kafka-");
      EmbeddedKafka kafka =
          new EmbeddedKafka(
              root,
              Files.createDirectory(root.resolve("log")),
              KafkaTlsStores.create(Files.createDirectory(root.resolve("tls"))),
              partitions,
              groupDelay);
      kafka.format();
      kafka.startServer();
      kafka.createTopics();
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bootstrap servers. */
  @Override
  public String url() {
    return "127.0.0.1:" + port;
  }

  /** The bootstrap servers of the TLS listener, its certificate issued by {@link #tls()}'s CA. */
  String tlsUrl() {
    return "127.0.0.1:" + tlsPort;
  }

  KafkaTlsStores tls() {
    return tls;
  }

  /** The bootstrap servers of the listener that wants SASL/PLAIN ({@value #SASL_USER}). */
  String saslUrl() {
    return "127.0.0.1:" + saslPort;
  }

  /** Every record the topic holds now, read until none came for 3 s. */
  List<ConsumerRecord<String, String>> records(String topic) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                url(),
                "group.id",
                "reader-" + Uuid.randomUuid(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          records.add(r);
          quietSince = System.nanoTime();
        }
      }
    }
    return records;
  }

  @Override
  public void startServer() {
    server = new KafkaRaftServer(KafkaConfig.fromProps(config()), Time.SYSTEM);
    server.startup();
  }

  @Override
  public void stop() {
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  boolean running() {
    return server != null;
  }

  @Override
  public void close() {
    if (running()) {
      stop();
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Properties config() {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    String sasl = "SASL_PLAINTEXT://127.0.0.1:" + saslPort + ",SSL://127.0.0.1:" + tlsPort;
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + port + "," + sasl + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + "," + sasl);
    props.put("controller.listener.names", "CONTROLLER");
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT");
    props.put("listener.name.ssl.ssl.keystore.type", "PKCS12");
    props.put("listener.name.ssl.ssl.keystore.location", tls.keystore().toString());
    props.put("listener.name.ssl.ssl.keystore.password", KafkaTlsStores.PASSWORD);
    props.put("listener.name.ssl.ssl.key.password", KafkaTlsStores.PASSWORD);
    props.put("sasl.enabled.mechanisms", "PLAIN");
    props.put(
        "listener.name.sasl_plaintext.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required user_%s=\"%s\";"
            .formatted(SASL_USER, SASL_PASSWORD));
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", directory.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", Long.toString(groupDelay.toMillis()));
    props.put("log.flush.interval.messages", "1");
    return props;
  }

  private void format() {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setSupportedFeatures(Features.PRODUCTION_FEATURES)
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .addDirectory(directory.toString())
          .setMetadataLogDirectory(directory.toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the Kafka log directory " + directory, e);
    }
  }

  private void createTopics() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", url()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(KafkaTestWorker.COMMANDS, partitions, (short) 1),
                  new NewTopic(KafkaTestWorker.REPLIES, partitions, (short) 1),
                  new NewTopic(KafkaTestWorker.CONTROL, 1, (short) 1),
                  new NewTopic(KafkaTestWorker.DEAD_LETTER, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the provider's topics", e);
    }
  }
}
