package io.camelvk.kube;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes client's JSON mapping, made cheaper for the objects the kubelet reads thousands of
 * times: bean properties are set through generated lambdas (Blackbird) instead of reflection,
 * {@code metadata.managedFields} is skipped while parsing (nothing here reads them, and they are a
 * large share of a pod), and a watch event's object is parsed in one pass instead of through a
 * tree.
 */
public final class ClientSerialization {

  private ClientSerialization() {}

  public static KubernetesSerialization create() {
    ObjectMapper mapper = new ObjectMapper();
    KubernetesSerialization serialization = new KubernetesSerialization(mapper, true);
    // After the client's own modules: the modifier registered last sees the properties first, and
    // Blackbird only replaces plain ones (the client's module then wraps what Blackbird made).
    mapper.registerModule(new BlackbirdModule());
    mapper.addMixIn(ObjectMeta.class, WithoutManagedFields.class);
    mapper.addMixIn(WatchEvent.class, StreamedWatchEvent.class);
    return serialization;
  }

  @JsonIgnoreProperties(value = "managedFields", allowGetters = true)
  private interface WithoutManagedFields {}

  @JsonDeserialize(using = WatchEventDeserializer.class)
  private interface StreamedWatchEvent {}
}
