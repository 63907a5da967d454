package io.camelvk.api.stream.spdy;

import io.camelvk.api.stream.InterruptibleCall;
import io.camelvk.api.stream.RemoteCommandOutcome;
import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * exec or attach over SPDY: waits for the streams the request calls for (by their {@code
 * streamtype}), runs the provider on them, then reports the outcome on the error stream and closes
 * every stream and the connection, as the kubelet's streaming server does.
 */
final class RemoteCommandSession implements SpdyStreamListener {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteCommandSession.class);

  private final StreamRequest request;
  private final int version;
  private final StreamBackend backend;
  private final Set<String> expected;
  private final Map<String, SpdyStream> streams = new ConcurrentHashMap<>();
  private final CountDownLatch arrived;
  private final Duration streamCreationTimeout;
  private final InterruptibleCall provider = new InterruptibleCall();

  RemoteCommandSession(
      StreamRequest request,
      String protocol,
      StreamBackend backend,
      Duration streamCreationTimeout) {
    this.streamCreationTimeout = streamCreationTimeout;
    this.request = request;
    this.version = StreamProtocolNegotiation.remoteCommandVersion(protocol);
    this.backend = backend;
    this.expected = expectedStreams(request, version);
    this.arrived = new CountDownLatch(expected.size());
  }

  private static Set<String> expectedStreams(StreamRequest request, int version) {
    Set<String> types = new HashSet<>(Set.of("error"));
    if (request.stdin()) {
      types.add("stdin");
    }
    if (request.stdout()) {
      types.add("stdout");
    }
    if (request.stderr()) {
      types.add("stderr");
    }
    if (request.tty() && version >= 3) {
      types.add("resize");
    }
    return Set.copyOf(types);
  }

  @Override
  public boolean accepts(SpdyStream stream) {
    return true;
  }

  @Override
  public void opened(SpdyStream stream) {
    String type = stream.header(SpdySession.STREAM_TYPE);
    if (expected.contains(type) && streams.putIfAbsent(type, stream) == null) {
      arrived.countDown();
    }
  }

  @Override
  public void closed() {
    while (arrived.getCount() > 0) {
      arrived.countDown();
    }
    provider.interrupt();
  }

  /** Runs the session on the calling thread until the command ends or the client goes away. */
  void run(SpdySession session) throws InterruptedException {
    if (!arrived.await(streamCreationTimeout.toMillis(), TimeUnit.MILLISECONDS)
        || streams.size() < expected.size()) {
      LOG.debug(
          "{} {}/{}: the client did not open its streams",
          request.kind(),
          request.namespace(),
          request.pod());
      session.end();
      return;
    }
    finish(runProvider(remoteStreams()));
    session.end();
  }

  private RemoteStreams remoteStreams() {
    TerminalResizes resizes = new TerminalResizes();
    stream("resize")
        .ifPresent(s -> Thread.startVirtualThread(new TerminalResizeReader(s.input(), resizes)));
    return new RemoteStreams(
        stream("stdin").map(SpdyStream::input),
        stream("stdout").map(SpdyStream::output),
        stream("stderr").map(SpdyStream::output),
        request.tty(),
        resizes);
  }

  private RemoteCommandOutcome runProvider(RemoteStreams remote) {
    return provider.run(() -> backend.run(request, remote));
  }

  private void finish(RemoteCommandOutcome outcome) {
    stream("stdout").ifPresent(SpdyStream::finish);
    stream("stderr").ifPresent(SpdyStream::finish);
    SpdyStream error = streams.get("error");
    Optional<byte[]> report = outcome.report(request.kind(), version >= 4);
    try {
      if (report.isPresent()) {
        error.output().write(report.get());
      }
    } catch (IOException e) {
      LOG.debug("could not report how {} ended: {}", request.kind(), e.toString());
    }
    error.finish();
    stream("stdin").ifPresent(SpdyStream::finish);
    stream("resize").ifPresent(SpdyStream::finish);
  }

  private Optional<SpdyStream> stream(String type) {
    return Optional.ofNullable(streams.get(type));
  }
}
