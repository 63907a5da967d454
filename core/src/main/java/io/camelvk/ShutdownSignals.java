package io.camelvk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Waits for SIGTERM or SIGINT. They are handled here rather than in a JVM shutdown hook, so that
 * the process can finish its work and then exit 0, as the Go virtual-kubelet does; a JVM ended by
 * its default handler exits 143. The JDK has no public signal API: {@code sun.misc.Signal} (module
 * jdk.unsupported) is reached by reflection, which keeps the build free of its "internal
 * proprietary API" warnings.
 */
final class ShutdownSignals {

  private static final String[] SIGNALS = {"TERM", "INT"};

  private ShutdownSignals() {}

  /** Blocks until one of the signals arrives (or the thread is interrupted). */
  static void await() {
    CountDownLatch received = new CountDownLatch(1);
    for (String name : SIGNALS) {
      if (!handle(name, received)) {
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

  /** {@code Signal.handle(new Signal(name), s -> received.countDown())}; false if refused. */
  private static boolean handle(String name, CountDownLatch received) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object onSignal =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      LoggerFactory.getLogger(ShutdownSignals.class)
                          .info("SIG{} received: stopping", name);
                      received.countDown();
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "shutdown-signals";
                  });
      signal
          .getMethod("handle", signal, handler)
          .invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
      return true;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        return false;
      }
      throw new IllegalStateException("cannot handle SIG" + name, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot handle SIG" + name, e);
    }
  }
}
