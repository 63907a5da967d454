package io.camelvk;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. They are handled here rather than in a JVM shutdown hook, so that
 * the process can finish its work and then exit 0, as the Go virtual-kubelet does; a JVM ended by
 * its default handler exits 143.
 */
final class ShutdownSignals {

  private static final String[] SIGNALS = {"TERM", "INT"};

  private ShutdownSignals() {}

  /** Blocks until one of the signals arrives (or the thread is interrupted). */
  static void await() {
    CountDownLatch received = new CountDownLatch(1);
    for (String name : SIGNALS) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              LoggerFactory.getLogger(ShutdownSignals.class)
                  .info("SIG{} received: stopping", signal.getName());
              received.countDown();
            });
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal (-Xrs): fall back to a shutdown hook.
        Runtime.getRuntime().addShutdownHook(new Thread(received::countDown, "signal-" + name));
      }
    }
    try {
      received.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
