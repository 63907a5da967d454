package io.camelvk.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/** Paths of the kubelet API that this virtual kubelet does not serve yet: 501, saying so. */
final class NotYetImplementedEndpoint implements KubeletEndpoint {

  static final List<String> PREFIXES = List.of("/stats/", "/metrics/resource");

  @Override
  public boolean serves(String path) {
    return PREFIXES.stream().anyMatch(path::startsWith);
  }

  @Override
  public void serve(ApiRequest request) {
    request.respondText(
        HttpResponseStatus.NOT_IMPLEMENTED,
        request.path() + " is not implemented yet by camel-virtual-kubelet\n");
  }
}
