package io.camelvk.api.stream.spdy;

import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * port-forward over SPDY: each forwarded connection is a pair of streams (error and data) with the
 * same {@code requestid} and a {@code port}; a complete pair runs the provider's port-forward on
 * its own thread. One session carries any number of pairs, until the client closes it.
 */
final class PortForwardSession implements SpdyStreamListener {

  private static final Logger LOG = LoggerFactory.getLogger(PortForwardSession.class);

  private final StreamRequest request;
  private final StreamBackend backend;
  private final ScheduledExecutorService timer;
  private final Map<String, PortForwardPair> pairs = new ConcurrentHashMap<>();
  private final Set<Thread> forwards = ConcurrentHashMap.newKeySet();
  private final Duration pairingTimeout;

  PortForwardSession(
      StreamRequest request,
      StreamBackend backend,
      ScheduledExecutorService timer,
      Duration pairingTimeout) {
    this.pairingTimeout = pairingTimeout;
    this.request = request;
    this.backend = backend;
    this.timer = timer;
  }

  @Override
  public boolean accepts(SpdyStream stream) {
    String type = stream.header(SpdySession.STREAM_TYPE);
    return port(stream) > 0 && (type.equals("error") || type.equals("data"));
  }

  /** The stream's port, or 0 when it has none in 1..65535. */
  static int port(SpdyStream stream) {
    try {
      int port = Integer.parseInt(stream.header("port"));
      return port >= 1 && port <= 65535 ? port : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void opened(SpdyStream stream) {
    String id = requestId(stream);
    PortForwardPair pair =
        pairs.computeIfAbsent(
            id,
            key -> {
              timer.schedule(() -> expire(key), pairingTimeout.toMillis(), TimeUnit.MILLISECONDS);
              return new PortForwardPair(key);
            });
    if (!pair.add(stream)) {
      pair.report(
          "error processing stream for request "
              + id
              + ": "
              + stream.header(SpdySession.STREAM_TYPE)
              + " stream already assigned");
      return;
    }
    if (pair.complete() && pairs.remove(id, pair)) {
      forwards.add(Thread.startVirtualThread(() -> forward(pair)));
    }
  }

  /** The client's request id; clients without one pair by consecutive stream ids. */
  private static String requestId(SpdyStream stream) {
    String id = stream.header("requestid");
    if (!id.isEmpty()) {
      return id;
    }
    return String.valueOf(
        stream.header(SpdySession.STREAM_TYPE).equals("data") ? stream.id() - 2 : stream.id());
  }

  private void expire(String id) {
    PortForwardPair pair = pairs.get(id);
    if (pair != null && !pair.complete() && pairs.remove(id, pair)) {
      pair.report("timed out waiting for streams of request " + id);
      pair.reset();
    }
  }

  private void forward(PortForwardPair pair) {
    int port = port(pair.data());
    try {
      backend.portForward(request, port, pair.data().input(), pair.data().output());
      pair.data().finish();
      pair.error().finish();
    } catch (RuntimeException e) {
      LOG.debug(
          "port-forward to {}/{}:{} failed: {}",
          request.namespace(),
          request.pod(),
          port,
          e.toString());
      pair.report(
          "error forwarding port "
              + port
              + " to pod "
              + request.pod()
              + ", uid : "
              + e.getMessage());
      pair.reset();
    } finally {
      forwards.remove(Thread.currentThread());
    }
  }

  @Override
  public void closed() {
    forwards.forEach(Thread::interrupt);
  }

  /** The error and data streams of one forwarded connection. */
  private static final class PortForwardPair {
    private final String id;
    private volatile SpdyStream error;
    private volatile SpdyStream data;

    PortForwardPair(String id) {
      this.id = id;
    }

    synchronized boolean add(SpdyStream stream) {
      if (stream.header(SpdySession.STREAM_TYPE).equals("error")) {
        if (error != null) {
          return false;
        }
        error = stream;
      } else {
        if (data != null) {
          return false;
        }
        data = stream;
      }
      return true;
    }

    synchronized boolean complete() {
      return error != null && data != null;
    }

    SpdyStream error() {
      return error;
    }

    SpdyStream data() {
      return data;
    }

    void report(String message) {
      SpdyStream target = error;
      if (target == null) {
        return;
      }
      try {
        target.output().write(message.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        LOG.debug("could not report on request {}: {}", id, e.toString());
      }
    }

    void reset() {
      if (data != null) {
        data.reset();
      }
      if (error != null) {
        error.reset();
      }
    }
  }
}
