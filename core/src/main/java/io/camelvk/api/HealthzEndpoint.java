package io.camelvk.api;

import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code /healthz} and its sub-checks: {@code ok} while the process serves. */
final class HealthzEndpoint implements KubeletEndpoint {

  @Override
  public boolean serves(String path) {
    return path.equals("/healthz") || path.startsWith("/healthz/");
  }

  @Override
  public void serve(ApiRequest request) {
    request.respondText(HttpResponseStatus.OK, "ok");
  }
}
