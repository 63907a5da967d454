package io.camelvk.api.stream;

import java.util.function.Supplier;

/**
 * A provider call on the session's thread, which a client that goes away interrupts. The interrupt
 * never outlives the call: one that comes as the call returns is spent, so the session can still
 * write its status afterwards.
 */
public final class InterruptibleCall {

  private Thread thread;
  private boolean running;

  public <T> T run(Supplier<T> call) {
    synchronized (this) {
      thread = Thread.currentThread();
      running = true;
    }
    try {
      return call.get();
    } finally {
      synchronized (this) {
        running = false;
      }
      Thread.interrupted();
    }
  }

  /** Interrupts the call if it is still running. */
  public synchronized void interrupt() {
    if (running) {
      thread.interrupt();
    }
  }
}
