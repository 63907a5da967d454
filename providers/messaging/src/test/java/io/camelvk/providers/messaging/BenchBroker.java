package io.camelvk.providers.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The benchmark's messaging backend (bench/README.md), run as a process of its own: an embedded
 * broker and enough test workers for {@code --pods N} (each offers {@value #PODS_PER_WORKER}), the
 * URL for {@code --transport jms|amqp|kafka} printed as {@code bench-broker url <url>}; it runs
 * until it is stopped. For {@code kafka} the broker is a one-node KRaft cluster whose commands and
 * replies topics have {@value #KAFKA_PARTITIONS} partitions, the workers are Kafka test workers,
 * the URL its bootstrap servers.
 */
final class BenchBroker {

  private static final int PODS_PER_WORKER = 100;

  /** As many as the provider's reply consumers by default, so that all of them have work. */
  private static final int KAFKA_PARTITIONS = 8;

  private BenchBroker() {}

  public static void main(String[] args) throws InterruptedException {
    String transport = option(args, "--transport", "jms");
    int pods = Integer.parseInt(option(args, "--pods", "1000"));
    List<AutoCloseable> started =
        switch (transport) {
          case "jms", "amqp" -> {
            EmbeddedBroker broker = EmbeddedBroker.start();
            String url = "jms".equals(transport) ? broker.url() : broker.amqpUrl();
            yield running(broker, url, broker.url(), pods, TestWorker::start);
          }
          case "kafka" -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(KAFKA_PARTITIONS);
            yield running(kafka, kafka.url(), kafka.url(), pods, KafkaTestWorker::start);
          }
          default ->
              throw new IllegalArgumentException(
                  "--transport: jms, amqp or kafka, not " + transport);
        };
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> started.reversed().forEach(BenchBroker::close)));
    System.out.println("bench-broker workers " + (started.size() - 1));
    new CountDownLatch(1).await();
  }

  /**
   * Starts the workers on {@code workerUrl} and prints the provider's {@code url}.
   *
   * @return the broker, then its workers
   */
  private static List<AutoCloseable> running(
      AutoCloseable broker,
      String url,
      String workerUrl,
      int pods,
      Function<String, ? extends AutoCloseable> worker) {
    List<AutoCloseable> started = new ArrayList<>(List.of(broker));
    for (int i = 0; i < Math.ceilDiv(pods, PODS_PER_WORKER); i++) {
      started.add(worker.apply(workerUrl));
    }
    System.out.println("bench-broker url " + url);
    return started;
  }

  private static void close(AutoCloseable started) {
    try {
      started.close();
    } catch (Exception e) {
      System.err.println("bench-broker: " + started + " did not close: " + e);
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
