package io.camelvk.provider.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.pod.PodResourceRequests;
import io.camelvk.test.ProjectRoot;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commented example of docs/provider-mapping.md places pods as its comments say. */
class ProviderMappingExampleTest {

  private static final List<String> PROVIDERS =
      List.of("mock", "gpu-cloud", "wasm-edge", "batch-queue", "web", "burst", "eu-west");

  private static Main main;
  private static ProviderMapping mapping;

  @BeforeAll
  static void putTheExampleInForce() throws Exception {
    main = new Main();
    main.configure().withRoutesIncludePattern("classpath:no-routes/*.yaml");
    main.start();
    new MappingFile(
            Optional.of(ProjectRoot.resolve("docs/examples/provider-mapping.yaml")),
            PROVIDERS,
            new KubeletMetrics())
        .start(main.getCamelContext());
    mapping = new ProviderMapping("mock", PROVIDERS, main.getCamelContext());
  }

  @AfterAll
  static void stop() throws Exception {
    main.stop();
  }

  @Test
  void eachBranchPlacesThePodsItNames() {
    assertThat(choose(p -> p)).isEqualTo("mock");
    assertThat(choose(requests("nvidia.com/gpu", "1"))).isEqualTo("gpu-cloud");
    assertThat(
            choose(
                p -> new PodBuilder(p).editSpec().withRuntimeClassName("wasm").endSpec().build()))
        .isEqualTo("wasm-edge");
    assertThat(
            choose(
                p -> new PodBuilder(p).editMetadata().withNamespace("batch").endMetadata().build()))
        .isEqualTo("batch-queue");
    assertThat(
            choose(
                p ->
                    new PodBuilder(p)
                        .editMetadata()
                        .addToLabels("workload.example.com/backend", "web")
                        .endMetadata()
                        .build()))
        .isEqualTo("web");
    assertThat(
            choose(
                p ->
                    new PodBuilder(p)
                        .editMetadata()
                        .addToAnnotations("example.com/burst", "true")
                        .endMetadata()
                        .build()))
        .isEqualTo("burst");
    assertThat(
            choose(
                p ->
                    new PodBuilder(p)
                        .editSpec()
                        .addToNodeSelector("topology.kubernetes.io/region", "eu-west-1")
                        .endSpec()
                        .build()))
        .isEqualTo("eu-west");
    assertThat(choose(requests("cpu", "16001m"))).isEqualTo("burst");
    assertThat(choose(requests("cpu", "16"))).isEqualTo("mock");
  }

  @Test
  void theAnnotationWinsOverTheMapping() {
    assertThat(
            choose(
                requests("nvidia.com/gpu", "1")
                        .andThen(
                            p ->
                                new PodBuilder(p)
                                    .editMetadata()
                                    .addToAnnotations(ProviderMapping.ANNOTATION, "web")
                                    .endMetadata()
                                    .build())
                    ::apply))
        .isEqualTo("web");
  }

  private static String choose(UnaryOperator<Pod> change) {
    Pod pod = change.apply(pod());
    return mapping.choose(pod, PodResourceRequests.inWholeUnits(pod)).provider().orElse("none");
  }

  private static UnaryOperator<Pod> requests(String resource, String amount) {
    return p ->
        new PodBuilder(p)
            .editSpec()
            .editFirstContainer()
            .withNewResources()
            .withRequests(Map.of(resource, new Quantity(amount)))
            .endResources()
            .endContainer()
            .endSpec()
            .build();
  }

  private static Pod pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName("web")
        .withUid("u")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .build();
  }
}
