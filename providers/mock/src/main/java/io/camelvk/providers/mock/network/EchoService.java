package io.camelvk.providers.mock.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service behind every port of every mock pod: a TCP echo server on a loopback port, started on
 * first use. Each connection gets back what it sends; when the client half-closes, the service
 * closes its side too.
 */
public final class EchoService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EchoService.class);
  private static final int BACKLOG = 50;

  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private ServerSocket server;
  private boolean closed;

  /** The address to connect to; starts the service the first time. */
  public synchronized InetSocketAddress address() {
    if (closed) {
      throw new IllegalStateException("the mock's echo service is closed");
    }
    if (server == null) {
      try {
        server = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the mock's echo service", e);
      }
      ServerSocket listening = server;
      Thread.ofVirtual().name("mock-echo-service").start(() -> accept(listening));
      LOG.debug("mock echo service listening on {}", server.getLocalSocketAddress());
    }
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket connection = listening.accept();
        connections.add(connection);
        Thread.ofVirtual().name("mock-echo-connection").start(() -> echo(connection));
      } catch (IOException e) {
        if (!listening.isClosed()) {
          LOG.warn("mock echo service: accept failed", e);
        }
      }
    }
  }

  private void echo(Socket connection) {
    try (connection) {
      connection.getInputStream().transferTo(connection.getOutputStream());
    } catch (IOException e) {
      LOG.debug("mock echo connection ended: {}", e.getMessage());
    } finally {
      connections.remove(connection);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (server != null) {
        server.close();
      }
      for (Socket connection : connections) {
        connection.close();
      }
    } catch (IOException e) {
      LOG.debug("closing the mock echo service: {}", e.getMessage());
    }
  }
}
