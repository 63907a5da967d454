package io.camelvk.provider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The terminal sizes a client sends during a tty session. A listener that subscribes late first
 * gets the latest size, so the initial size that clients send at once is never lost.
 */
public final class TerminalResizes {

  private final List<Consumer<TerminalSize>> listeners = new CopyOnWriteArrayList<>();
  private volatile TerminalSize latest;

  /** Called by the transport for each size the client sends. */
  public synchronized void publish(TerminalSize size) {
    latest = size;
    listeners.forEach(l -> l.accept(size));
  }

  public Optional<TerminalSize> latest() {
    return Optional.ofNullable(latest);
  }

  /** Calls {@code listener} with the latest size (if any) and then with every new one. */
  public synchronized void subscribe(Consumer<TerminalSize> listener) {
    listeners.add(listener);
    if (latest != null) {
      listener.accept(latest);
    }
  }
}
