package io.camelvk.api.stream;

/** Told of each exec, attach or port-forward session a transport opens (for the metrics). */
@FunctionalInterface
public interface StreamSessionCounter {

  StreamSessionCounter NONE = (kind, transport, protocol) -> {};

  /**
   * @param transport {@code websocket} or {@code spdy}
   * @param protocol the negotiated protocol, e.g. {@code v5.channel.k8s.io}
   */
  void opened(StreamRequest.Kind kind, String transport, String protocol);
}
