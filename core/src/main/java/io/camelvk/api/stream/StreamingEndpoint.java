package io.camelvk.api.stream;

import io.camelvk.api.ApiRequest;
import io.camelvk.api.KubeletEndpoint;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodSpecContainers;
import io.fabric8.kubernetes.api.model.Pod;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /exec/}, {@code /attach/} and {@code /portForward/}: checks the request, the pod and the
 * provider like the kubelet, then hands the upgrade to the transport the client asked for.
 */
public final class StreamingEndpoint implements KubeletEndpoint {

  private final StreamRequest.Kind kind;
  private final Function<PodKey, Optional<Pod>> pods;
  private final StreamBackend backend;
  private final List<StreamTransport> transports;

  public StreamingEndpoint(
      StreamRequest.Kind kind,
      Function<PodKey, Optional<Pod>> pods,
      StreamBackend backend,
      List<StreamTransport> transports) {
    this.kind = kind;
    this.pods = pods;
    this.backend = backend;
    this.transports = List.copyOf(transports);
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith(kind.prefix());
  }

  @Override
  public void serve(ApiRequest request) {
    if (!request.allows(HttpMethod.GET, HttpMethod.POST)) {
      return;
    }
    StreamRequest stream;
    try {
      stream = StreamRequest.parse(kind, request.path(), request.query());
      checkTarget(stream);
    } catch (StreamRequest.Refused e) {
      request.respondText(HttpResponseStatus.valueOf(e.status()), e.getMessage());
      return;
    }
    transports.stream()
        .filter(t -> t.accepts(request.http()))
        .findFirst()
        .ifPresentOrElse(
            t -> t.open(request, stream, backend),
            () ->
                request.respondText(
                    HttpResponseStatus.BAD_REQUEST,
                    "unable to upgrade: missing upgrade headers in request\n"));
  }

  /**
   * Refuses, as the kubelet does, a pod or container that is not there (404) or a provider that
   * cannot serve the request (501).
   */
  private void checkTarget(StreamRequest stream) throws StreamRequest.Refused {
    Optional<Pod> pod = pods.apply(new PodKey(stream.namespace(), stream.pod()));
    if (pod.isEmpty()) {
      throw new StreamRequest.Refused(404, "pod \"" + stream.pod() + "\" does not exist\n");
    }
    if (stream.isRemoteCommand()
        && !PodSpecContainers.has(pod.get().getSpec(), stream.container())) {
      throw new StreamRequest.Refused(
          404,
          "container \"" + stream.container() + "\" not found in pod \"" + stream.pod() + "\"\n");
    }
    backend.check(stream);
  }
}
