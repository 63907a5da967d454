package io.camelvk.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.Map;

/** Events written to the API server: a create, or a merge patch of the count. */
final class ApiEventSink implements EventSink {

  private static final PatchContext MERGE =
      new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).build();

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
    try {
      client
          .v1()
          .events()
          .inNamespace(existing.getMetadata().getNamespace())
          .withName(existing.getMetadata().getName())
          .patch(MERGE, patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      create(
          new EventBuilder(existing)
              .withCount(count)
              .withLastTimestamp(EventTimes.format(last))
              .build());
    }
  }
}
