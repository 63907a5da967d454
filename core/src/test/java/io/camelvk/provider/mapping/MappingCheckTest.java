package io.camelvk.provider.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which provider names {@link MappingCheck} finds in a mapping route, on a node of big and small.
 */
class MappingCheckTest {

  private static final String UNKNOWN_FPGA =
      "it sets VkProvider to 'fpga', which is not a provider of this node (big, small)";

  private final CamelContext context = new DefaultCamelContext();

  @BeforeEach
  void start() {
    context.getPropertiesComponent().addInitialProperty("gpu.provider", "small");
    context.getPropertiesComponent().addInitialProperty("fpga.provider", "fpga");
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void aLiteralInAnyBranchOfAChoiceOrInsideAnotherStepIsChecked() throws Exception {
    assertThat(
            problem(
                """
                - choice:
                    when:
                      - simple: "${header.VkPodNamespace} == 'a'"
                        steps:
                          - setHeader: {name: VkProvider, constant: small}
                    otherwise:
                      steps:
                        - filter:
                            simple: "${header.VkPodNamespace} == 'b'"
                            steps:
                              - setHeader: {name: VkProvider, constant: fpga}
                """))
        .contains(UNKNOWN_FPGA);
  }

  @Test
  void setHeadersIsCheckedLikeSetHeader() throws Exception {
    assertThat(
            problem(
                """
                - setHeaders:
                    headers:
                      - {name: Other, constant: anything}
                      - {name: VkProvider, constant: fpga}
                """))
        .contains(UNKNOWN_FPGA);
  }

  @Test
  void simpleTextWithoutExpressionsIsALiteralAndPlaceholdersAreResolvedFirst() throws Exception {
    assertThat(problem("- setHeader: {name: VkProvider, simple: fpga}")).contains(UNKNOWN_FPGA);
    assertThat(problem("- setHeader: {name: VkProvider, constant: \"{{fpga.provider}}\"}"))
        .contains(UNKNOWN_FPGA);
    assertThat(problem("- setHeader: {name: VkProvider, constant: \"{{gpu.provider}}\"}"))
        .isEmpty();
    assertThat(problem("- setHeader: {name: VkProvider, constant: \" small \"}")).isEmpty();
  }

  @Test
  void namesComputedPerPodAndOtherHeadersAreNotChecked() throws Exception {
    assertThat(
            problem(
                """
                - setHeader: {name: VkProvider, simple: "${header.VkPodLabels[provider]}"}
                - setHeader: {name: Unrelated, constant: fpga}
                """))
        .isEmpty();
  }

  private Optional<String> problem(String steps) throws Exception {
    String route =
        """
        - route:
            from:
              uri: direct:vk-provider-mapping
              steps:
        %s"""
            .formatted(steps.indent(8));
    RouteBuilder builder =
        (RouteBuilder)
            PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString("mapping.yaml", route))
                .iterator()
                .next();
    builder.configureRoutes(context);
    return MappingCheck.problem(builder.getRouteCollection(), List.of("big", "small"), context);
  }
}
