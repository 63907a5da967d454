package io.camelvk.api;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.function.Supplier;

/**
 * A v1 {@code PodList} on GET: {@code /pods} (the pods bound to our node, from the informer cache)
 * or {@code /runningpods/} (the pods the provider runs).
 */
final class PodListEndpoint implements KubeletEndpoint {

  private final String path;
  private final Supplier<List<Pod>> pods;

  private PodListEndpoint(String path, Supplier<List<Pod>> pods) {
    this.path = path;
    this.pods = pods;
  }

  static PodListEndpoint boundPods(Supplier<List<Pod>> cachedPods) {
    return new PodListEndpoint("/pods", cachedPods);
  }

  static PodListEndpoint runningPods(Supplier<List<Pod>> providerPods) {
    return new PodListEndpoint("/runningpods/", providerPods);
  }

  @Override
  public boolean serves(String requested) {
    return requested.equals(path) || (requested + "/").equals(path);
  }

  @Override
  public void serve(ApiRequest request) {
    if (!request.allows(HttpMethod.GET)) {
      return;
    }
    String json =
        Serialization.asJson(
            new PodListBuilder()
                .withApiVersion("v1")
                .withKind("PodList")
                .withNewMetadata()
                .endMetadata()
                .withItems(pods.get())
                .build());
    request.respond(HttpResponseStatus.OK, "application/json", json);
  }
}
