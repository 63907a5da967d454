package io.camelvk.api.stream;

import io.camelvk.provider.ContainerAttach;
import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.PortForward;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The provider behind exec, attach and port-forward sessions, whatever the transport. */
public final class StreamBackend {

  private static final Logger LOG = LoggerFactory.getLogger(StreamBackend.class);

  private final Provider provider;
  private final StreamSessionCounter sessions;

  public StreamBackend(Provider provider) {
    this(provider, StreamSessionCounter.NONE);
  }

  public StreamBackend(Provider provider, StreamSessionCounter sessions) {
    this.provider = provider;
    this.sessions = sessions;
  }

  /** A transport has upgraded the connection for {@code request}. */
  public void opened(StreamRequest request, String transport, String protocol) {
    sessions.opened(request.kind(), transport, protocol);
  }

  /** Why the provider cannot serve {@code kind}, or empty when it can. */
  public Optional<String> missingCapability(StreamRequest.Kind kind) {
    boolean capable =
        switch (kind) {
          case EXEC -> provider instanceof ContainerExec;
          case ATTACH -> provider instanceof ContainerAttach;
          case PORT_FORWARD -> provider instanceof PortForward;
        };
    if (capable) {
      return Optional.empty();
    }
    String what =
        switch (kind) {
          case EXEC -> "run commands in containers (exec)";
          case ATTACH -> "attach to containers";
          case PORT_FORWARD -> "forward ports of pods";
        };
    return Optional.of("provider " + provider.name() + " cannot " + what + "\n");
  }

  /** Runs the exec or attach and says how it ended; never throws for a provider's failure. */
  public RemoteCommandOutcome run(StreamRequest request, RemoteStreams streams) {
    try {
      int code =
          request.kind() == StreamRequest.Kind.EXEC
              ? ((ContainerExec) provider)
                  .exec(
                      request.namespace(),
                      request.pod(),
                      request.container(),
                      request.command(),
                      streams)
              : ((ContainerAttach) provider)
                  .attach(request.namespace(), request.pod(), request.container(), streams);
      return RemoteCommandOutcome.exited(code);
    } catch (ProviderException | UncheckedIOException e) {
      return RemoteCommandOutcome.failed(e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn(
          "{} in {}/{} failed: {}",
          request.kind(),
          request.namespace(),
          request.pod(),
          e.toString());
      return RemoteCommandOutcome.failed(e.toString());
    }
  }

  /** Copies one forwarded connection; a {@link ProviderException} says why it could not. */
  public void portForward(
      StreamRequest request, int port, InputStream fromClient, OutputStream toClient) {
    ((PortForward) provider)
        .portForward(request.namespace(), request.pod(), port, fromClient, toClient);
  }

  /** The words the kubelet uses in an error status: "executing command in container". */
  public static String verb(StreamRequest.Kind kind) {
    return kind == StreamRequest.Kind.ATTACH
        ? "attaching to container"
        : "executing command in container";
  }
}
