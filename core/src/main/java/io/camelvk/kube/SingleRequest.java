package io.camelvk.kube;

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
 * Exactly one request through the client's HTTP client (the DSL may read before it writes),
 * authenticated and counted like every other request of the client; the answer is read for its
 * status code.
 */
public final class SingleRequest {

  public static final long TIMEOUT_SECONDS = 30;

  private SingleRequest() {}

  /** {@code <server>/api/v1/namespaces/<namespace>/<resource>/<name>}. */
  public static String coreUrl(
      KubernetesClient client, String namespace, String resource, String name) {
    return client.getMasterUrl()
        + "api/v1/namespaces/"
        + encode(namespace)
        + "/"
        + resource
        + "/"
        + encode(name);
  }

  /**
   * Sends the request and returns its HTTP status.
   *
   * @param what what the request does, for the failure's message ("remove pod ns/web")
   */
  public static int send(KubernetesClient client, HttpRequest request, String what) {
    try {
      HttpResponse<String> response =
          client
              .getHttpClient()
              .sendAsync(request, String.class)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return response.code();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while trying to " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KubernetesClientException("cannot " + what, e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
