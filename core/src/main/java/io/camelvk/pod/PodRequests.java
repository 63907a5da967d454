package io.camelvk.pod;

import io.camelvk.kube.SingleRequest;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;

/** Single requests on one pod ({@link SingleRequest}): its status patch and its removal. */
final class PodRequests {

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
    return SingleRequest.send(client, request, what + " pod " + PodKey.of(pod));
  }

  /** The client's own mapping, which is faster than the static default one. */
  private String json(Object body) {
    return client.getKubernetesSerialization().asJson(body);
  }

  private String url(Pod pod) {
    return SingleRequest.coreUrl(
        client, pod.getMetadata().getNamespace(), "pods", pod.getMetadata().getName());
  }
}
