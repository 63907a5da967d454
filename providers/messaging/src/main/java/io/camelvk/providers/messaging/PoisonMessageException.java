package io.camelvk.providers.messaging;

/** A reply that no delivery can make readable: it goes to the dead-letter destination, once. */
public final class PoisonMessageException extends RuntimeException {

  public PoisonMessageException(String message) {
    super(message);
  }
}
