package io.camelvk.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class ClientSerializationTest {

  private static final String POD =
      """
      {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","namespace":"default",
      "uid":"u-1","resourceVersion":"42","labels":{"app":"web"},
      "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"v1",
      "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{}}}}}]},
      "spec":{"nodeName":"vk","containers":[{"name":"app","image":"busybox",
      "resources":{"requests":{"cpu":"250m"}}}],"futureField":{"x":1}},
      "status":{"phase":"Running"}}""";

  private final KubernetesSerialization json = ClientSerialization.create();

  @Test
  void aWatchedPodIsReadWholeWithoutItsManagedFields() {
    WatchEvent event =
        json.unmarshal("{\"type\":\"MODIFIED\",\"object\":" + POD + "}", WatchEvent.class);
    assertThat(event.getType()).isEqualTo("MODIFIED");
    Pod pod = (Pod) event.getObject();
    assertThat(pod.getMetadata().getName()).isEqualTo("web");
    assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(pod.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(pod.getSpec().getContainers().getFirst().getResources().getRequests().get("cpu"))
        .hasToString("250m");
    assertThat(pod.getSpec().getAdditionalProperties()).containsKey("futureField");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(pod.getKind()).isEqualTo("Pod");
  }

  @Test
  void theObjectMayComeBeforeTheType() {
    WatchEvent event =
        json.unmarshal("{\"object\":" + POD + ",\"type\":\"ADDED\"}", WatchEvent.class);
    assertThat(event.getType()).isEqualTo("ADDED");
    assertThat(event.getObject()).isInstanceOf(Pod.class);
  }

  @Test
  void anObjectWhoseKindIsNotFirstIsReadTheClientsWay() {
    String reordered =
        "{\"metadata\":{\"name\":\"late\"},\"kind\":\"Pod\",\"apiVersion\":\"v1\","
            + "\"spec\":{\"containers\":[{\"name\":\"a\"}]}}";
    WatchEvent event =
        json.unmarshal("{\"type\":\"ADDED\",\"object\":" + reordered + "}", WatchEvent.class);
    Pod pod = (Pod) event.getObject();
    assertThat(pod.getMetadata().getName()).isEqualTo("late");
    assertThat(pod.getSpec().getContainers()).hasSize(1);
  }

  @Test
  void aKindNotWatchedHereIsReadTheClientsWay() {
    String widget =
        "{\"kind\":\"Widget\",\"apiVersion\":\"example.com/v1\",\"metadata\":{\"name\":\"w\"},"
            + "\"spec\":{\"size\":3}}";
    WatchEvent event =
        json.unmarshal("{\"type\":\"ADDED\",\"object\":" + widget + "}", WatchEvent.class);
    GenericKubernetesResource resource = (GenericKubernetesResource) event.getObject();
    assertThat(resource.getKind()).isEqualTo("Widget");
    assertThat(resource.getMetadata().getName()).isEqualTo("w");
    assertThat(resource.getAdditionalProperties()).containsKey("spec");
  }

  @Test
  void anErrorCarriesItsStatus() {
    WatchEvent event =
        json.unmarshal(
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                + "\"status\":\"Failure\",\"message\":\"too old\",\"reason\":\"Expired\","
                + "\"code\":410}}",
            WatchEvent.class);
    assertThat(((Status) event.getObject()).getCode()).isEqualTo(410);
  }

  @Test
  void writtenPodsKeepTheirFields() {
    Pod pod = json.unmarshal(POD, Pod.class);
    assertThat(json.asJson(pod)).contains("\"nodeName\":\"vk\"").contains("\"futureField\"");
  }
}
