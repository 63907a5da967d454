package io.camelvk.provider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The terminal sizes a client sends during a tty session. A listener that subscribes late first
 * gets the latest size, so the initial size that clients send at once is never lost.
 */
public final class TerminalResizes {

  private final List<Consumer<TerminalSize>> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch known = new CountDownLatch(1);
  private volatile TerminalSize latest;

  /** Called by the transport for each size the client sends. */
  public synchronized void publish(TerminalSize size) {
    latest = size;
    known.countDown();
    listeners.forEach(l -> l.accept(size));
  }

  public Optional<TerminalSize> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * The latest size, waiting up to {@code patience} for the first one: a client sends its initial
   * size right after the session opens, possibly after the command has started.
   */
  public Optional<TerminalSize> latest(Duration patience) {
    try {
      known.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return latest();
  }

  /** Calls {@code listener} with the latest size (if any) and then with every new one. */
  public synchronized void subscribe(Consumer<TerminalSize> listener) {
    listeners.add(listener);
    if (latest != null) {
      listener.accept(latest);
    }
  }
}
