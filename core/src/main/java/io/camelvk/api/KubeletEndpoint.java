package io.camelvk.api;

/**
 * One family of kubelet API paths ({@code /containerLogs/}, {@code /exec/}, ...). The router has
 * already authenticated and authorized the request and calls {@link #serve} on a virtual thread, so
 * an endpoint may block; it must answer the request exactly once.
 */
public interface KubeletEndpoint {

  /** True when this endpoint serves the path (without query). */
  boolean serves(String path);

  void serve(ApiRequest request);
}
