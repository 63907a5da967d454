package io.camelvk.provider.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.test.CapturedLog;
import io.camelvk.test.YamlRoutes;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code --provider-mapping} file on a node that runs {@code big} (the default) and {@code
 * small}.
 */
class MappingFileTest {

  private static final List<String> PROVIDERS = List.of("big", "small");

  @TempDir Path dir;

  private final CamelContext context = new DefaultCamelContext();
  private final KubeletMetrics metrics = new KubeletMetrics();
  private Path file;
  private MappingFile mapping;

  @BeforeEach
  void start() {
    context.getPropertiesComponent().addInitialProperty("vk.provider", "big");
    YamlRoutes.fromClasspath(context, "routes/errors.yaml");
    context.start();
    file = dir.resolve("mapping.yaml");
    mapping = new MappingFile(Optional.of(file), PROVIDERS, metrics);
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void aValidMappingFileIsPutInForce() throws Exception {
    Files.writeString(file, everyPodTo("small"));

    mapping.start(context);

    assertThat(chosen()).isEqualTo("small");
    assertThat(context.getRoute(MappingFile.ROUTE_ID)).isNotNull();
  }

  @Test
  void withoutAFileTheBundledMappingSendsEveryPodToTheDefault() {
    MappingFile bundled = new MappingFile(Optional.empty(), PROVIDERS, metrics);

    bundled.start(context);

    assertThat(chosen()).isEqualTo("big");
    assertThat(bundled.reloadIfChanged()).isFalse();
  }

  @Test
  void aFileRefusedAtStartStopsTheStartNamingItAndWhy() throws Exception {
    Files.writeString(file, everyPodTo("fpga"));

    assertThatThrownBy(() -> mapping.start(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": it sets VkProvider to 'fpga', which is not a provider of this node (big,"
                + " small)");
  }

  @Test
  void anEditTakesEffectAtTheNextCheckOnceAndTellsTheListeners() throws Exception {
    Files.writeString(file, everyPodTo("small"));
    mapping.start(context);
    AtomicInteger told = new AtomicInteger();
    mapping.onChange(told::incrementAndGet);

    assertThat(mapping.reloadIfChanged()).isFalse();
    Files.writeString(file, everyPodTo("big"));
    assertThat(mapping.reloadIfChanged()).isTrue();
    assertThat(mapping.reloadIfChanged()).isFalse();

    assertThat(chosen()).isEqualTo("big");
    assertThat(told).hasValue(1);
    assertThat(reloads("applied")).isEqualTo(1);
    assertThat(metrics.scrape())
        .contains("vk_provider_mapping_reloads_total{outcome=\"applied\"} 1.0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a YAML error               | '- route: [unclosed'                                                                            | not a valid route (
          a route from elsewhere     | '- route: {from: {uri: "direct:elsewhere", steps: [{log: "x"}]}}'                              | its route must be from direct:vk-provider-mapping, not direct:elsewhere
          two routes                 | '- route: {from: {uri: "direct:vk-provider-mapping", steps: [{log: "x"}]}}\n- route: {from: {uri: "direct:b", steps: [{log: "y"}]}}' | it must hold exactly one route, from direct:vk-provider-mapping, not 2
          an unknown provider        | '- route: {from: {uri: "direct:vk-provider-mapping", steps: [{setHeader: {name: VkProvider, constant: fpga}}]}}' | it sets VkProvider to 'fpga', which is not a provider of this node (big, small)
          a component Camel lacks    | '- route: {from: {uri: "direct:vk-provider-mapping", steps: [{to: "nosuch:thing"}]}}'         | not a valid route (
          """)
  void aRefusedEditLeavesThePreviousMappingInForceCountedAndLoggedOnce(
      String what, String text, String problem) throws Exception {
    Files.writeString(file, everyPodTo("small"));
    mapping.start(context);

    try (CapturedLog log = CapturedLog.debugOf(MappingFile.class)) {
      Files.writeString(file, text.replace("\\n", "\n"));
      assertThat(mapping.reloadIfChanged()).isFalse();
      assertThat(mapping.reloadIfChanged()).isFalse();

      assertThat(log.messages())
          .singleElement()
          .asString()
          .startsWith(
              "provider mapping refused, the previous one stays in force: "
                  + file
                  + ": "
                  + problem);
    }
    assertThat(chosen()).isEqualTo("small");
    assertThat(reloads("refused")).isEqualTo(1);
    assertThat(metrics.scrape())
        .contains("vk_provider_mapping_reloads_total{outcome=\"refused\"} 1.0");
    assertThat(context.getRoute("provider-mapping-trial")).isNull();
  }

  @Test
  void aFileThatCannotBeReadIsRefusedAndAFixedOneAppliedAfterwards() throws Exception {
    Files.writeString(file, everyPodTo("small"));
    mapping.start(context);

    Files.delete(file);
    assertThat(mapping.reloadIfChanged()).isFalse();
    assertThat(mapping.reloadIfChanged()).isFalse();
    assertThat(reloads("refused")).isEqualTo(1);
    assertThat(chosen()).isEqualTo("small");

    Files.writeString(file, everyPodTo("big"));
    assertThat(mapping.reloadIfChanged()).isTrue();
    assertThat(chosen()).isEqualTo("big");
  }

  @Test
  void eachNewRefusedContentIsCountedAgain() throws Exception {
    Files.writeString(file, everyPodTo("small"));
    mapping.start(context);

    Files.writeString(file, everyPodTo("fpga"));
    mapping.reloadIfChanged();
    Files.writeString(file, everyPodTo("tpu"));
    mapping.reloadIfChanged();

    assertThat(reloads("refused")).isEqualTo(2);
    assertThat(chosen()).isEqualTo("small");
  }

  private String chosen() {
    return new ProviderMapping("big", PROVIDERS, context)
        .choose(
            new PodBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build(),
            Map.of())
        .provider()
        .orElseThrow();
  }

  private double reloads(String outcome) {
    Counter counter =
        metrics.registry().find("vk_provider_mapping_reloads").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String everyPodTo(String provider) {
    return """
        - route:
            from:
              uri: direct:vk-provider-mapping
              steps:
                - setHeader:
                    name: VkProvider
                    constant: %s
        """
        .formatted(provider);
  }
}
