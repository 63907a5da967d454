package io.camelvk.test;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port in front of the API server, so that a test can cut one
 * client's connections (its watches break and every reconnect is refused) while the API server and
 * the other clients go on. TLS passes through untouched.
 */
public final class LoopbackTcpProxy implements AutoCloseable {

  private final URI targetUrl;
  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private LoopbackTcpProxy(URI targetUrl, ServerSocket listener) {
    this.targetUrl = targetUrl;
    this.target = new InetSocketAddress(targetUrl.getHost(), targetUrl.getPort());
    this.listener = listener;
  }

  /** A proxy to the host and port of {@code url}, listening on a free loopback port. */
  public static LoopbackTcpProxy to(URI url) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      var proxy = new LoopbackTcpProxy(url, listener);
      Thread.ofVirtual().name("tcp-proxy-accept").start(proxy::acceptLoop);
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback", e);
    }
  }

  /** The URL to use instead of the target's: same scheme, the proxy's port. */
  public String url() {
    return targetUrl.getScheme() + "://127.0.0.1:" + listener.getLocalPort();
  }

  /** Closes every forwarded connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    open.forEach(this::drop);
  }

  public void restore() {
    cut = false;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          drop(client);
        } else {
          forward(client);
        }
      } catch (IOException e) {
        // closed listener ends the loop; a failed connect only loses that connection
      }
    }
  }

  private void forward(Socket client) throws IOException {
    Socket server = new Socket();
    open.add(client);
    open.add(server);
    try {
      server.connect(target);
    } catch (IOException e) {
      drop(client);
      drop(server);
      throw e;
    }
    if (cut) {
      // cut() ran while this one was being accepted
      drop(client);
      drop(server);
      return;
    }
    Thread.ofVirtual().start(() -> pump(client, server));
    Thread.ofVirtual().start(() -> pump(server, client));
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // either side closed
    } finally {
      drop(from);
      drop(to);
    }
  }

  private void drop(Socket socket) {
    open.remove(socket);
    closeQuietly(socket);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    cut();
  }
}
