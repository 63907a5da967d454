package io.camelvk.provider;

/**
 * A provider call that failed. The kind decides what the core does: retry with backoff (TRANSIENT)
 * or give up at once and report it on the pod (INVALID); NOT_FOUND on delete counts as done. Routes
 * throw {@link PodRefusedException} and {@link PodNotFoundException}; any other failure is
 * TRANSIENT.
 */
public class ProviderException extends RuntimeException {

  public enum Kind {
    TRANSIENT,
    INVALID,
    NOT_FOUND
  }

  private final Kind kind;

  public ProviderException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ProviderException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static ProviderException transientFailure(String message) {
    return new ProviderException(Kind.TRANSIENT, message);
  }

  public static ProviderException invalid(String message) {
    return new PodRefusedException(message);
  }

  public static ProviderException notFound(String message) {
    return new PodNotFoundException(message);
  }
}
