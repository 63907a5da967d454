package io.camelvk.provider.mapping;

import static io.camelvk.provider.mapping.ProviderMappingFixture.pod;
import static io.camelvk.provider.mapping.ProviderMappingFixture.requesting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mapping rules as a user writes them in Camel's simple language, on what the mapping route is told
 * of the pod: the headers, and the pod as body. Map keys with dots and slashes go unquoted in
 * brackets ({@code ${header.VkPodLabels[app.kubernetes.io/component]}}).
 */
class ProviderMappingRulesTest {

  private final ProviderMappingFixture mapping = new ProviderMappingFixture();

  @AfterEach
  void stop() {
    mapping.close();
  }

  static Stream<Arguments> metadataRules() {
    return Stream.of(
        arguments(
            "${header.VkPodNamespace} == 'batch'",
            pod(p -> p.editMetadata().withNamespace("batch").endMetadata())),
        arguments(
            "${header.VkPodName} startsWith 'train-'",
            pod(p -> p.editMetadata().withName("train-7").endMetadata())),
        arguments(
            "${header.VkPodUid} == 'u-special'",
            pod(p -> p.editMetadata().withUid("u-special").endMetadata())),
        arguments(
            "${header.VkPodLabels[app.kubernetes.io/component]} == 'worker'",
            pod(
                p ->
                    p.editMetadata()
                        .addToLabels("app.kubernetes.io/component", "worker")
                        .endMetadata())),
        arguments(
            "${header.VkPodAnnotations[example.com/queue]} == 'fast'",
            pod(
                p ->
                    p.editMetadata().addToAnnotations("example.com/queue", "fast").endMetadata())));
  }

  static Stream<Arguments> specRules() {
    return Stream.of(
        arguments(
            "${header.VkPodNodeSelector[kubernetes.io/arch]} == 'arm64'",
            pod(p -> p.editSpec().addToNodeSelector("kubernetes.io/arch", "arm64").endSpec())),
        arguments(
            "${header.VkPodRuntimeClass} == 'kata'",
            pod(p -> p.editSpec().withRuntimeClassName("kata").endSpec())),
        arguments(
            "${header.VkPodRequests[nvidia.com/gpu]} >= 1", requesting("nvidia.com/gpu", "1")),
        arguments("${header.VkPodRequests[cpu]} > 1000", requesting("cpu", "1500m")),
        arguments("${header.VkPodRequests[memory]} > 34359738368", requesting("memory", "64Gi")),
        arguments(
            "${body.spec.containers[0].image} contains 'cuda'",
            pod(
                p ->
                    p.editSpec()
                        .editFirstContainer()
                        .withImage("nvidia/cuda:12")
                        .endContainer()
                        .endSpec())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"metadataRules", "specRules"})
  void aChoiceOnWhatTheMappingIsToldOfThePodPlacesIt(String rule, Pod matching) {
    mapping.steps(
        """
        - choice:
            when:
              - simple: "%s"
                steps:
                  - setHeader:
                      name: VkProvider
                      constant: small
        """
            .formatted(rule));

    assertThat(mapping.chosen(matching)).isEqualTo("small");
    assertThat(mapping.chosen(pod(p -> p))).isEqualTo("big");
  }

  @Test
  void aPodWithoutLabelsAnnotationsOrSelectorGetsEmptyMapsAndNoRuntimeClass() {
    mapping.steps(
        """
        - filter:
            simple: "${header.VkPodLabels.size()} == 0 && ${header.VkPodAnnotations.size()} == 0 && ${header.VkPodNodeSelector.size()} == 0 && ${header.VkPodRuntimeClass} == null && ${header.VkPodRequests.size()} == 0"
            steps:
              - setHeader:
                  name: VkProvider
                  constant: small
        """);

    assertThat(mapping.chosen(TestPods.named("ns", "bare", "u2").build())).isEqualTo("small");
  }

  @Test
  void cpuRequestsAreMillicoresSoThatAFractionOfACoreCompares() {
    mapping.steps(
        """
        - filter:
            simple: "${header.VkPodRequests[cpu]} > 1000"
            steps:
              - setHeader:
                  name: VkProvider
                  constant: small
        """);

    assertThat(mapping.chosen(requesting("cpu", "1001m"))).isEqualTo("small");
    assertThat(mapping.chosen(requesting("cpu", "1"))).isEqualTo("big");
  }
}
