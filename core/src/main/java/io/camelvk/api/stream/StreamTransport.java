package io.camelvk.api.stream;

import io.camelvk.api.ApiRequest;
import io.netty.handler.codec.http.HttpRequest;

/** One way to carry exec, attach or port-forward streams: WebSocket channels, SPDY/3.1, ... */
public interface StreamTransport {

  /** True when the request asks for an upgrade to this transport. */
  boolean accepts(HttpRequest http);

  /**
   * Answers the upgrade (or refuses it with a 4xx) and runs the session until it ends. Called on a
   * virtual thread after access control, with a pod and container that exist and a provider able to
   * serve the request.
   */
  void open(ApiRequest request, StreamRequest stream, StreamBackend backend);
}
