package io.camelvk.provider.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.camelvk.pod.PodResourceRequests;
import io.camelvk.test.TestPods;
import io.camelvk.test.YamlRoutes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ProviderMapping#choose} with mapping routes as a user writes them: the node runs {@code
 * big} (the default), {@code small} and {@code gpu}.
 */
class ProviderMappingTest {

  private static final List<String> PROVIDERS = List.of("big", "small", "gpu");

  private final CamelContext context = new DefaultCamelContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void theBundledMappingSendsEveryPodToTheProviderOfTheFlag() {
    context.getPropertiesComponent().addInitialProperty("vk.provider", "small");
    YamlRoutes.fromClasspath(context, MappingFile.BUNDLED);

    assertThat(chosen(pod(p -> p))).isEqualTo("small");
  }

  static Stream<Arguments> rules() {
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
            pod(p -> p.editMetadata().addToAnnotations("example.com/queue", "fast").endMetadata())),
        arguments(
            "${header.VkPodNodeSelector[kubernetes.io/arch]} == 'arm64'",
            pod(p -> p.editSpec().addToNodeSelector("kubernetes.io/arch", "arm64").endSpec())),
        arguments(
            "${header.VkPodRuntimeClass} == 'kata'",
            pod(p -> p.editSpec().withRuntimeClassName("kata").endSpec())),
        arguments(
            "${header.VkPodRequests[nvidia.com/gpu]} >= 1", requesting("nvidia.com/gpu", "1")),
        arguments("${header.VkPodRequests[cpu]} > '1.0'", requesting("cpu", "1500m")),
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

  @ParameterizedTest
  @MethodSource("rules")
  void aChoiceOnWhatTheMappingIsToldOfThePodPlacesIt(String rule, Pod matching) {
    mapping(
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

    assertThat(chosen(matching)).isEqualTo("small");
    assertThat(chosen(pod(p -> p))).isEqualTo("big");
  }

  @Test
  void aPodWithoutLabelsAnnotationsOrSelectorGetsEmptyMapsAndNoRuntimeClass() {
    mapping(
        """
        - filter:
            simple: "${header.VkPodLabels.size()} == 0 && ${header.VkPodAnnotations.size()} == 0 && ${header.VkPodNodeSelector.size()} == 0 && ${header.VkPodRuntimeClass} == null && ${header.VkPodRequests.size()} == 0"
            steps:
              - setHeader:
                  name: VkProvider
                  constant: small
        """);

    assertThat(
            chosen(
                new PodBuilder()
                    .withNewMetadata()
                    .withNamespace("ns")
                    .withName("bare")
                    .endMetadata()
                    .withNewSpec()
                    .endSpec()
                    .build()))
        .isEqualTo("small");
  }

  @Test
  void aRequestComparedWithAWholeNumberIsComparedAsAWholeNumber() {
    // Camel's simple language compares a BigDecimal with a whole-number literal as longs: 1.5 CPUs
    // is not more than 1. Users must quote a decimal literal, as in rules().
    mapping(
        """
        - filter:
            simple: "${header.VkPodRequests[cpu]} > 1"
            steps:
              - setHeader:
                  name: VkProvider
                  constant: small
        """);

    assertThat(chosen(requesting("cpu", "1500m"))).isEqualTo("big");
  }

  @Test
  void thePodsAnnotationWinsOverTheMapping() {
    mapping(
        """
        - throwException:
            exceptionType: java.lang.IllegalStateException
            message: "the mapping must not be asked"
        """);

    Pod annotated =
        pod(
            p ->
                p.editMetadata().addToAnnotations(ProviderMapping.ANNOTATION, "gpu").endMetadata());
    assertThat(chosen(annotated)).isEqualTo("gpu");
  }

  @Test
  void anAnnotationNamingAProviderTheNodeDoesNotRunPlacesThePodNowhere() {
    mapping("- log: \"not asked\"");

    ProviderChoice choice =
        choose(
            pod(
                p ->
                    p.editMetadata()
                        .addToAnnotations(ProviderMapping.ANNOTATION, "fpga")
                        .endMetadata()));

    assertThat(choice.provider()).isEmpty();
    assertThat(choice.reason()).isEqualTo("UnknownProvider");
    assertThat(choice.message())
        .isEqualTo(
            "the pod's annotation virtual-kubelet.io/provider names provider 'fpga', which this"
                + " node does not run (big, small, gpu); the pod waits until the mapping or the"
                + " pod changes");
  }

  @Test
  void aNameTheMappingComputesThatTheNodeDoesNotRunPlacesThePodNowhere() {
    mapping(
        """
        - setHeader:
            name: VkProvider
            simple: "${header.VkPodLabels[provider]}"
        """);

    ProviderChoice choice =
        choose(pod(p -> p.editMetadata().addToLabels("provider", "fpga").endMetadata()));

    assertThat(choice.provider()).isEmpty();
    assertThat(choice.reason()).isEqualTo("UnknownProvider");
    assertThat(choice.message()).startsWith("the provider mapping names provider 'fpga'");
    assertThat(chosen(pod(p -> p.editMetadata().addToLabels("provider", "gpu").endMetadata())))
        .isEqualTo("gpu");
  }

  @Test
  void aMappingThatLeavesNoProviderPlacesThePodNowhere() {
    mapping("- removeHeader: {name: VkProvider}");

    ProviderChoice choice = choose(pod(p -> p));

    assertThat(choice.reason()).isEqualTo("UnknownProvider");
    assertThat(choice.message()).isEqualTo("the provider mapping chose no provider for this pod");
  }

  @Test
  void aMappingThatFailsPlacesThePodNowhereSayingWhy() {
    mapping(
        """
        - throwException:
            exceptionType: java.lang.IllegalArgumentException
            message: "no rule for this pod"
        """);

    ProviderChoice choice = choose(pod(p -> p));

    assertThat(choice.provider()).isEmpty();
    assertThat(choice.reason()).isEqualTo("ProviderMappingFailed");
    assertThat(choice.message())
        .isEqualTo("the provider mapping failed for this pod: no rule for this pod");
  }

  /** A mapping route of these steps, in a context with the core's (lack of) error handler. */
  private void mapping(String steps) {
    YamlRoutes.fromClasspath(context, "routes/errors.yaml");
    YamlRoutes.fromText(
        context,
        """
        - route:
            id: provider-mapping
            from:
              uri: direct:vk-provider-mapping
              steps:
        %s"""
            .formatted(steps.indent(8)));
  }

  private String chosen(Pod pod) {
    return choose(pod).provider().orElseThrow(() -> new AssertionError(choose(pod).message()));
  }

  private ProviderChoice choose(Pod pod) {
    context.start();
    return new ProviderMapping("big", PROVIDERS, context).choose(pod, PodResourceRequests.of(pod));
  }

  /** Pod {@code ns/web} with one container, changed by {@code change}. */
  private static Pod pod(UnaryOperator<PodBuilder> change) {
    return change
        .apply(
            TestPods.named("ns", "web", "u1")
                .editMetadata()
                .addToLabels("app", "web")
                .endMetadata())
        .build();
  }

  private static Pod requesting(String resource, String amount) {
    return pod(
        p ->
            p.editSpec()
                .editFirstContainer()
                .withNewResources()
                .withRequests(Map.of(resource, new Quantity(amount)))
                .endResources()
                .endContainer()
                .endSpec());
  }
}
