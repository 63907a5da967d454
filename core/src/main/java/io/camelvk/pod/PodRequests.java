package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Single requests on one pod through the client's HTTP client: exactly one request each (the DSL
 * may read before it writes), authenticated like every other request of the client.
 */
final class PodRequests {

  static final long REQUEST_TIMEOUT_SECONDS = 30;

  private final KubernetesClient client;

  PodRequests(KubernetesClient client) {
    this.client = client;
  }

  /** A JSON merge patch of {@code pods/<name>/status}; returns the HTTP status. */
  int patchStatus(Pod pod, Object mergePatch) {
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url(pod) + "/status")
            .method("PATCH", "application/merge-patch+json", json(mergePatch))
            .build();
    return send(pod, request, "patch the status of");
  }

  /** A DELETE with a DeleteOptions body; returns the HTTP status. */
  int delete(Pod pod, DeleteOptions deleteOptions) {
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url(pod))
            .delete("application/json", json(deleteOptions))
            .build();
    return send(pod, request, "remove");
  }

  private int send(Pod pod, HttpRequest request, String what) {
    try {
      HttpResponse<String> response =
          client
              .getHttpClient()
              .sendAsync(request, String.class)
              .get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return response.code();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException(
          "interrupted while trying to " + what + " pod " + PodKey.of(pod), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KubernetesClientException("cannot " + what + " pod " + PodKey.of(pod), e);
    }
  }

  /** The client's own mapping, which is faster than the static default one. */
  private String json(Object body) {
    return client.getKubernetesSerialization().asJson(body);
  }

  private String url(Pod pod) {
    return client.getMasterUrl()
        + "api/v1/namespaces/"
        + encode(pod.getMetadata().getNamespace())
        + "/pods/"
        + encode(pod.getMetadata().getName());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
