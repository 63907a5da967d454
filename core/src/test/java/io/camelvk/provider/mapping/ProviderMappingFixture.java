package io.camelvk.provider.mapping;

import io.camelvk.pod.PodResourceRequests;
import io.camelvk.test.TestPods;
import io.camelvk.test.YamlRoutes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A provider mapping route in a context of its own, on a node that runs {@code big} (the default),
 * {@code small} and {@code gpu}; and the pods to place with it.
 */
final class ProviderMappingFixture implements AutoCloseable {

  private static final List<String> PROVIDERS = List.of("big", "small", "gpu");

  private final CamelContext context = new DefaultCamelContext();

  /** The bundled mapping, with {@code --provider} as given. */
  void bundled(String provider) {
    context.getPropertiesComponent().addInitialProperty("vk.provider", provider);
    YamlRoutes.fromClasspath(context, MappingFile.BUNDLED);
  }

  /** A mapping route of these steps, with the core's (lack of) error handler. */
  void steps(String steps) {
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

  /** The provider chosen for the pod; fails when none is. */
  String chosen(Pod pod) {
    ProviderChoice choice = choose(pod);
    return choice.provider().orElseThrow(() -> new AssertionError(choice.message()));
  }

  ProviderChoice choose(Pod pod) {
    context.start();
    return new ProviderMapping("big", PROVIDERS, context)
        .choose(pod, PodResourceRequests.inWholeUnits(pod));
  }

  /**
   * Pod {@code ns/web}, labelled {@code app: web}, with one container; changed by {@code change}.
   */
  static Pod pod(UnaryOperator<PodBuilder> change) {
    return change
        .apply(
            TestPods.named("ns", "web", "u1")
                .editMetadata()
                .addToLabels("app", "web")
                .endMetadata())
        .build();
  }

  /** The pod with the annotation that names its provider. */
  static Pod annotated(String provider) {
    return pod(
        p -> p.editMetadata().addToAnnotations(ProviderMapping.ANNOTATION, provider).endMetadata());
  }

  /** The pod, its container requesting {@code amount} of {@code resource}. */
  static Pod requesting(String resource, String amount) {
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

  @Override
  public void close() {
    context.stop();
  }
}
