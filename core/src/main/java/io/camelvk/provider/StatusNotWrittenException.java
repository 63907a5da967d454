package io.camelvk.provider;

/**
 * A status reported with {@link VkHeaders#AWAIT_WRITE} that is not known to be in the API server:
 * the sync after the report failed, or none ended in time. The core keeps the status and retries; a
 * provider that acknowledges the status upstream should not, so that it comes again.
 */
public final class StatusNotWrittenException extends RuntimeException {

  public StatusNotWrittenException(String message) {
    super(message);
  }

  public StatusNotWrittenException(String message, Throwable cause) {
    super(message, cause);
  }
}
