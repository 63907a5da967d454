package io.camelvk.api.stream;

import io.camelvk.pod.PodKey;
import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.runtime.ProviderHandle;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider behind exec, attach and port-forward sessions, whatever the transport: the one that
 * runs the pod, with the streaming capability the request needs.
 */
public final class StreamBackend {

  private static final Logger LOG = LoggerFactory.getLogger(StreamBackend.class);

  private final Function<PodKey, Optional<ProviderHandle>> providers;
  private final StreamSessionCounter sessions;

  /**
   * @param providers the provider that runs a pod, empty while none does
   */
  public StreamBackend(
      Function<PodKey, Optional<ProviderHandle>> providers, StreamSessionCounter sessions) {
    this.providers = providers;
    this.sessions = sessions;
  }

  /** A transport has upgraded the connection for {@code request}. */
  public void opened(StreamRequest request, String transport, String protocol) {
    sessions.opened(request.kind(), transport, protocol);
  }

  /**
   * Refuses a request no provider can serve: the pod runs on none yet (404, as the kubelet answers
   * for a container that is not running), or its provider lacks the capability (501, naming it).
   */
  public void check(StreamRequest request) throws StreamRequest.Refused {
    Optional<ProviderHandle> provider = provider(request);
    if (provider.isEmpty()) {
      throw new StreamRequest.Refused(
          404,
          request.isRemoteCommand()
              ? "container not found (\"" + request.container() + "\")\n"
              : "pod \"" + request.pod() + "\" is not running\n");
    }
    ProviderCapability needed =
        switch (request.kind()) {
          case EXEC -> ProviderCapability.EXEC;
          case ATTACH -> ProviderCapability.ATTACH;
          case PORT_FORWARD -> ProviderCapability.PORT_FORWARD;
        };
    if (!provider.get().capabilities().declared().contains(needed)) {
      throw new StreamRequest.Refused(
          501, "provider " + provider.get().name() + " cannot " + needed.ability() + "\n");
    }
  }

  /** Runs the exec or attach and says how it ended; never throws for a provider's failure. */
  public RemoteCommandOutcome run(StreamRequest request, RemoteStreams streams) {
    try {
      ProviderCapabilities capabilities = capabilities(request);
      int code =
          request.kind() == StreamRequest.Kind.EXEC
              ? capabilities
                  .exec()
                  .orElseThrow()
                  .exec(
                      request.namespace(),
                      request.pod(),
                      request.container(),
                      request.command(),
                      streams)
              : capabilities
                  .attach()
                  .orElseThrow()
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
    capabilities(request)
        .portForward()
        .orElseThrow()
        .portForward(request.namespace(), request.pod(), port, fromClient, toClient);
  }

  /** The words the kubelet uses in an error status: "executing command in container". */
  public static String verb(StreamRequest.Kind kind) {
    return kind == StreamRequest.Kind.ATTACH
        ? "attaching to container"
        : "executing command in container";
  }

  private Optional<ProviderHandle> provider(StreamRequest request) {
    return providers.apply(new PodKey(request.namespace(), request.pod()));
  }

  private ProviderCapabilities capabilities(StreamRequest request) {
    return provider(request)
        .map(ProviderHandle::capabilities)
        .orElseThrow(
            () ->
                ProviderException.notFound(
                    "pod " + request.namespace() + "/" + request.pod() + " is not running"));
  }
}
