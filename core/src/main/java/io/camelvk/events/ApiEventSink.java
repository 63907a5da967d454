package io.camelvk.events;

import io.camelvk.kube.SingleRequest;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.Map;

/**
 * Events written to the API server: a create, or one merge patch of the count (a single request:
 * the client's DSL would read the event first, which also needs a permission the kubelet lacks).
 */
final class ApiEventSink implements EventSink {

  private final KubernetesClient client;

  ApiEventSink(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void create(Event event) {
    client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
  }

  @Override
  public void count(Event existing, int count, Instant last) {
    String patch =
        client
            .getKubernetesSerialization()
            .asJson(Map.of("count", count, "lastTimestamp", EventTimes.format(last)));
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(
                SingleRequest.coreUrl(
                    client,
                    existing.getMetadata().getNamespace(),
                    "events",
                    existing.getMetadata().getName()))
            .method("PATCH", "application/merge-patch+json", patch)
            .build();
    int code =
        SingleRequest.send(client, request, "count event " + existing.getMetadata().getName());
    if (code == HttpURLConnection.HTTP_NOT_FOUND) {
      create(
          new EventBuilder(existing)
              .withCount(count)
              .withLastTimestamp(EventTimes.format(last))
              .build());
    } else if (code >= 300) {
      throw new KubernetesClientException(
          "cannot count event " + existing.getMetadata().getName() + ": HTTP " + code, code, null);
    }
  }
}
