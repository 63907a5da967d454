package io.camelvk.providers.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's messaging backend (bench/README.md), run as a process of its own: an embedded
 * broker and enough test workers for {@code --pods N} (each offers {@value #PODS_PER_WORKER}), the
 * URL for {@code --transport jms|amqp} printed as {@code bench-broker url <url>}; it runs until it
 * is stopped.
 */
final class BenchBroker {

  private static final int PODS_PER_WORKER = 100;

  private BenchBroker() {}

  public static void main(String[] args) throws InterruptedException {
    String transport = option(args, "--transport", "jms");
    int pods = Integer.parseInt(option(args, "--pods", "1000"));
    EmbeddedBroker broker = EmbeddedBroker.start();
    List<TestWorker> workers = new ArrayList<>();
    for (int i = 0; i < Math.ceilDiv(pods, PODS_PER_WORKER); i++) {
      workers.add(TestWorker.start(broker.url()));
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  workers.forEach(TestWorker::close);
                  broker.close();
                }));
    String url =
        switch (transport) {
          case "jms" -> broker.url();
          case "amqp" -> broker.amqpUrl();
          default ->
              throw new IllegalArgumentException("--transport: jms or amqp, not " + transport);
        };
    System.out.println("bench-broker url " + url);
    System.out.println("bench-broker workers " + workers.size());
    new CountDownLatch(1).await();
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
