package io.camelvk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiRequestCounterTest {

  @Test
  void theResourceOfARequestIsNamedWithItsSubresource() {
    assertThat(resource("/api/v1/namespaces/ns/pods/web/status")).isEqualTo("pods/status");
    assertThat(resource("/api/v1/namespaces/ns/pods/web")).isEqualTo("pods");
    assertThat(resource("/api/v1/namespaces/ns/events")).isEqualTo("events");
    assertThat(resource("/api/v1/namespaces/ns/events/web.1")).isEqualTo("events");
    assertThat(resource("/api/v1/pods")).isEqualTo("pods");
    assertThat(resource("/api/v1/nodes/vk/status")).isEqualTo("nodes/status");
    assertThat(resource("/api/v1/namespaces/ns")).isEqualTo("namespaces");
    assertThat(resource("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/vk"))
        .isEqualTo("leases");
    assertThat(resource("/api/v1/namespaces/ns/serviceaccounts/default/token"))
        .isEqualTo("serviceaccounts/token");
    assertThat(resource("/version")).isEqualTo("other");
  }

  private static String resource(String path) {
    HttpRequest request =
        new StandardHttpRequest.Builder().uri(URI.create("https://api:6443" + path)).build();
    return ApiRequestCounter.resource(request);
  }
}
