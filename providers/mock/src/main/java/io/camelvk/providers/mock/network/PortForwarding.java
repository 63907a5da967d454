package io.camelvk.providers.mock.network;

import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.SimulatedPod;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One forwarded connection to a mock pod's port: a real TCP connection to the {@link EchoService},
 * bytes copied both ways; the client's end of input half-closes the connection, and the call
 * returns once the service has closed its side.
 */
public final class PortForwarding {

  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int MAX_PORT = 65535;

  private PortForwarding() {}

  /** Fails for a port out of range or one the pod's annotation says refuses connections. */
  public static void checkPort(SimulatedPod pod, int port) {
    if (port < 1 || port > MAX_PORT) {
      throw ProviderException.invalid("port " + port + " is out of range");
    }
    if (pod.behaviour().refusedPorts().contains(port)) {
      throw refused(
          pod.pod().getMetadata().getNamespace(), pod.pod().getMetadata().getName(), port);
    }
  }

  /** The error of a port that refuses connections, in the words of the kubelet. */
  private static ProviderException refused(String namespace, String pod, int port) {
    return new ProviderException(
        ProviderException.Kind.TRANSIENT,
        "failed to connect to localhost:"
            + port
            + " inside namespace of pod "
            + namespace
            + "/"
            + pod
            + ": dial tcp4 127.0.0.1:"
            + port
            + ": connect: connection refused",
        new ConnectException("Connection refused"));
  }

  public static void forward(
      InetSocketAddress service, InputStream fromClient, OutputStream toClient) {
    try (Socket socket = new Socket()) {
      socket.connect(service, CONNECT_TIMEOUT_MILLIS);
      InputStream fromService = socket.getInputStream();
      AtomicReference<IOException> backFailure = new AtomicReference<>();
      Thread back =
          Thread.ofVirtual()
              .name("mock-port-forward-back")
              .start(() -> copy(fromService, toClient, backFailure));
      try {
        Stdio.copy(fromClient, socket.getOutputStream());
        socket.shutdownOutput();
        back.join();
      } catch (InterruptedException | InterruptedIOException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (backFailure.get() != null) {
        throw backFailure.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(
      InputStream from, OutputStream to, AtomicReference<IOException> failure) {
    try {
      Stdio.copy(from, to);
    } catch (IOException e) {
      failure.set(e);
    }
  }
}
