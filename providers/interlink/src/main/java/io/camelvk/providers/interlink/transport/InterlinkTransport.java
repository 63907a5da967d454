package io.camelvk.providers.interlink.transport;

import java.io.IOException;

/**
 * One HTTP request to an interLink plugin or API server, whatever carries it (TCP, TLS, a unix
 * socket). Every request has a JSON body, even a GET: interLink sends {@code /status} and {@code
 * /getLogs} that way.
 */
public interface InterlinkTransport extends AutoCloseable {

  /**
   * Sends the request and returns once the status line and headers have arrived; the body streams.
   *
   * @param readTimeout whether the reply must begin within the read timeout (false for a followed
   *     log, which may stay silent for long)
   */
  Reply send(String method, String path, byte[] json, boolean readTimeout) throws IOException;

  /** Where requests go, for messages: never a credential. */
  String describe();

  @Override
  default void close() {}
}
