package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kubelet's last step of a deletion: removes the pod object with grace period 0 and the pod's
 * UID as a precondition, so that a new pod of the same name is never removed.
 */
public final class PodRemover {

  static final long REQUEST_TIMEOUT_SECONDS = 30;
  private static final int CONFLICT = 409;
  private static final int NOT_FOUND = 404;

  private final KubernetesClient client;

  public PodRemover(KubernetesClient client) {
    this.client = client;
  }

  public void remove(Pod pod) {
    String url =
        client.getMasterUrl()
            + "api/v1/namespaces/"
            + encode(pod.getMetadata().getNamespace())
            + "/pods/"
            + encode(pod.getMetadata().getName());
    String options =
        Serialization.asJson(
            new DeleteOptionsBuilder()
                .withGracePeriodSeconds(0L)
                .withNewPreconditions()
                .withUid(pod.getMetadata().getUid())
                .endPreconditions()
                .build());
    var http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder().uri(url).delete("application/json", options).build();
    try {
      HttpResponse<String> response =
          http.sendAsync(request, String.class).get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      int code = response.code();
      // 404: already gone; 409: the name now belongs to another pod, which is not ours to remove.
      if (!response.isSuccessful() && code != NOT_FOUND && code != CONFLICT) {
        throw new KubernetesClientException(
            "cannot remove pod " + PodKey.of(pod) + ": HTTP " + code + " " + response.body(),
            code,
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while removing pod " + PodKey.of(pod), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KubernetesClientException("cannot remove pod " + PodKey.of(pod), e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
