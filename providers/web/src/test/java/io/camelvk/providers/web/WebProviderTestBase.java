package io.camelvk.providers.web;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderClient;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A web provider over the reference backend, for the tests of what the web provider adds. */
abstract class WebProviderTestBase {

  @TempDir Path dir;
  WebBackend backend;
  private ProviderHarness harness;

  @AfterEach
  void stop() throws Exception {
    if (harness != null) {
      harness.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  void start(List<String> backendOptions, Map<String, String> properties) throws Exception {
    backend = WebBackend.start(0, backendOptions);
    Map<String, String> all = new HashMap<>(properties);
    all.put(WebBackend.URL_PROPERTY, backend.url());
    harness =
        ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only(WebBackend.NAME, Optional.empty()),
                "web-node",
                Clock.systemUTC()),
            all);
  }

  ProviderClient client() {
    return harness.provider().client();
  }

  static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("web")
        .withName(name)
        .withUid(UUID.randomUUID().toString())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }

  static int total(Map<String, Integer> requests) {
    return requests.values().stream().mapToInt(Integer::intValue).sum();
  }
}
