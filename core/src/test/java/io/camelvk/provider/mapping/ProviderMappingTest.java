package io.camelvk.provider.mapping;

import static io.camelvk.provider.mapping.ProviderMappingFixture.annotated;
import static io.camelvk.provider.mapping.ProviderMappingFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ProviderMapping#choose}: the pod's annotation first, else the mapping route's choice. */
class ProviderMappingTest {

  private final ProviderMappingFixture mapping = new ProviderMappingFixture();

  @AfterEach
  void stop() {
    mapping.close();
  }

  @Test
  void theBundledMappingSendsEveryPodToTheProviderOfTheFlag() {
    mapping.bundled("small");

    assertThat(mapping.chosen(pod(p -> p))).isEqualTo("small");
  }

  @Test
  void thePodsAnnotationWinsOverTheMapping() {
    mapping.steps(
        """
        - throwException:
            exceptionType: java.lang.IllegalStateException
            message: "the mapping must not be asked"
        """);

    assertThat(mapping.chosen(annotated("gpu"))).isEqualTo("gpu");
  }

  @Test
  void anAnnotationNamingAProviderTheNodeDoesNotRunPlacesThePodNowhere() {
    mapping.steps("- log: \"not asked\"");

    ProviderChoice choice = mapping.choose(annotated("fpga"));

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
    mapping.steps(
        """
        - setHeader:
            name: VkProvider
            simple: "${header.VkPodLabels[provider]}"
        """);

    ProviderChoice choice =
        mapping.choose(pod(p -> p.editMetadata().addToLabels("provider", "fpga").endMetadata()));

    assertThat(choice.provider()).isEmpty();
    assertThat(choice.reason()).isEqualTo("UnknownProvider");
    assertThat(choice.message()).startsWith("the provider mapping names provider 'fpga'");
    assertThat(
            mapping.chosen(pod(p -> p.editMetadata().addToLabels("provider", "gpu").endMetadata())))
        .isEqualTo("gpu");
  }

  @Test
  void aMappingThatLeavesNoProviderPlacesThePodNowhere() {
    mapping.steps("- removeHeader: {name: VkProvider}");

    ProviderChoice choice = mapping.choose(pod(p -> p));

    assertThat(choice.reason()).isEqualTo("UnknownProvider");
    assertThat(choice.message()).isEqualTo("the provider mapping chose no provider for this pod");
  }

  @Test
  void aMappingThatFailsPlacesThePodNowhereSayingWhy() {
    mapping.steps(
        """
        - throwException:
            exceptionType: java.lang.IllegalArgumentException
            message: "no rule for this pod"
        """);

    ProviderChoice choice = mapping.choose(pod(p -> p));

    assertThat(choice.provider()).isEmpty();
    assertThat(choice.reason()).isEqualTo("ProviderMappingFailed");
    assertThat(choice.message())
        .isEqualTo("the provider mapping failed for this pod: no rule for this pod");
  }
}
