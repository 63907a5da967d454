package io.camelvk.provider.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.VkHeaders;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeKind;
import io.camelvk.test.IdleProvider;
import io.camelvk.test.MountingProvider;
import io.camelvk.test.RecordingProvider;
import io.camelvk.test.TestPods;
import io.camelvk.test.YamlRoutes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bean provider through its route, as a provider module binds it: the {@code bean-provider}
 * template from {@code routes/}, and {@link BeanProviderOperations} bound as {@code webProvider}.
 */
class RouteClientTest {

  private final RecordingProvider bean = new RecordingProvider();
  private final CamelContext context = new DefaultCamelContext();
  private final Pod pod = TestPods.named("ns", "web", "u1").build();
  private RouteClient client;

  @BeforeEach
  void start() {
    context.getRegistry().bind("webProvider", new BeanProviderOperations(bean));
    context.getRegistry().bind("idleProvider", new BeanProviderOperations(new IdleProvider() {}));
    YamlRoutes.fromClasspath(context, "routes/errors.yaml");
    YamlRoutes.fromClasspath(context, "routes/bean-provider.yaml");
    YamlRoutes.fromText(context, templated("web") + templated("idle"));
    context.start();
    client = new RouteClient("web", context, context.createProducerTemplate());
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void theLifecycleHandsTheBeanThePod() {
    client.create(pod);
    client.update(pod);
    client.delete(pod, Duration.ofSeconds(30));

    assertThat(bean.calls())
        .containsExactly("create ns/web u1", "update ns/web u1", "delete ns/web u1");
  }

  @Test
  void theBeanIsAskedForThePodNamedInTheHeadersAndItsAnswerComesBack() {
    PodStatus running = new PodStatusBuilder().withPhase("Running").build();

    assertThat(client.status(pod)).isEmpty();
    bean.answering(running);
    assertThat(client.status(pod)).contains(running);
    assertThat(bean.calls()).containsExactly("podStatus ns/web", "podStatus ns/web");
  }

  @Test
  void nodePodsAndCapabilitiesComeFromTheBean() {
    NodeProfile profile = new NodeProfile(Map.of(), Map.of(), List.of(), "web backend");
    bean.answering(profile);

    assertThat(client.node("vk")).isSameAs(profile);
    assertThat(client.pods()).isEmpty();
    assertThat(client.capabilities()).containsExactly(ProviderCapability.LOGS);
    assertThat(bean.calls()).containsExactly("nodeProfile vk", "pods");
  }

  @Test
  void theLogOptionsReachTheBeanThroughTheHeaders() throws Exception {
    LogOptions options =
        new LogOptions(10, Instant.parse("2026-01-01T00:00:00.5Z"), 100L, true, false, true);

    String log =
        new String(client.logs("ns", "web", "app", options).readAllBytes(), StandardCharsets.UTF_8);

    assertThat(log).isEqualTo("logs ns/web/app " + options);
    assertThat(client.logs("ns", "web", "app", LogOptions.ALL).readAllBytes())
        .asString()
        .endsWith(" " + LogOptions.ALL);
  }

  @Test
  void aFailureOfTheBeanIsRethrownUnchanged() {
    PodRefusedException refused = new PodRefusedException("no such image");
    bean.failing(refused);

    assertThatThrownBy(() -> client.create(pod)).isSameAs(refused);
  }

  @Test
  void aBeanWithoutLogsAnswersThatItKeepsNone() {
    RouteClient idle = new RouteClient("idle", context, context.createProducerTemplate());

    assertThatThrownBy(() -> idle.logs("ns", "web", "app", LogOptions.ALL))
        .isInstanceOf(PodNotFoundException.class)
        .hasMessage("this provider keeps no container logs");
    assertThat(idle.capabilities()).isEmpty();
  }

  @Test
  void anOperationTheBeanDoesNotKnowFailsNamingIt() {
    assertThatThrownBy(
            () ->
                context
                    .createProducerTemplate()
                    .sendBodyAndHeader("direct:provider-web", pod, VkHeaders.OPERATION, "restart"))
        .isInstanceOf(CamelExecutionException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause()
        .hasMessage("unknown VkOperation 'restart'");
  }

  @Test
  void aProviderRouteGetsTheDocumentedHeadersOfEachOperationAndNoOthers() throws Exception {
    List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:provider-probe")
                .process(e -> seen.add(new HashMap<>(e.getMessage().getHeaders())));
          }
        });
    RouteClient probe = new RouteClient("probe", context, context.createProducerTemplate());

    probe.create(pod);
    probe.delete(pod, Duration.ofSeconds(5));
    probe.node("vk");
    probe.logs("ns", "web", "app", new LogOptions(10, Instant.EPOCH, 100L, true, false, true));
    probe.pods();

    assertThat(seen)
        .<Map<String, Object>>containsExactly(
            Map.of(
                "VkProvider", "probe",
                "VkOperation", "create",
                "VkPodNamespace", "ns",
                "VkPodName", "web",
                "VkPodUid", "u1"),
            Map.of(
                "VkProvider", "probe",
                "VkOperation", "delete",
                "VkPodNamespace", "ns",
                "VkPodName", "web",
                "VkPodUid", "u1",
                "VkPodGracePeriodSeconds", 5L),
            Map.of("VkProvider", "probe", "VkOperation", "node", "VkNodeName", "vk"),
            Map.ofEntries(
                Map.entry("VkProvider", "probe"),
                Map.entry("VkOperation", "logs"),
                Map.entry("VkPodNamespace", "ns"),
                Map.entry("VkPodName", "web"),
                Map.entry("VkContainerName", "app"),
                Map.entry("VkLogTailLines", 10),
                Map.entry("VkLogSinceTime", "1970-01-01T00:00:00Z"),
                Map.entry("VkLogLimitBytes", 100L),
                Map.entry("VkLogTimestamps", true),
                Map.entry("VkLogPrevious", false),
                Map.entry("VkLogFollow", true)),
            Map.of("VkProvider", "probe", "VkOperation", "pods"));
  }

  @Test
  void aDeleteAnsweredWithContainerStatesReturnsThemAndAnyOtherAnswerIsNone() throws Exception {
    PodStatus killed = new PodStatusBuilder().withMessage("killed").build();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:provider-states").setBody(constant(killed));
            from("direct:provider-http").setBody(constant("{\"deleted\":true}"));
          }
        });

    assertThat(
            new RouteClient("states", context, context.createProducerTemplate())
                .delete(pod, Duration.ZERO))
        .contains(killed);
    assertThat(
            new RouteClient("http", context, context.createProducerTemplate())
                .delete(pod, Duration.ZERO))
        .isEmpty();
  }

  @Test
  void volumesReachARouteInTheirHeaderAndABeanThatMountsThemBeforeThePod() throws Exception {
    List<Object> seen = new CopyOnWriteArrayList<>();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:provider-probe")
                .process(e -> seen.add(e.getMessage().getHeader(VkHeaders.POD_VOLUMES)));
          }
        });
    MountingProvider mounting = new MountingProvider();
    context.getRegistry().bind("mountingProvider", new BeanProviderOperations(mounting));
    YamlRoutes.fromText(context, templated("mounting"));
    PodVolumes volumes =
        new PodVolumes(List.of(new ResolvedVolume("scratch", VolumeKind.EMPTY_DIR, List.of())));

    RouteClient probe = new RouteClient("probe", context, context.createProducerTemplate());
    probe.create(pod, volumes);
    probe.update(pod, null);
    RouteClient beanClient = new RouteClient("mounting", context, context.createProducerTemplate());
    beanClient.create(pod, volumes);
    beanClient.update(pod, null);
    beanClient.update(pod, volumes);

    assertThat(seen).containsExactly(volumes, null);
    assertThat(mounting.calls())
        .containsExactly("mount web", "create web", "update web", "mount web", "update web");
    assertThat(mounting.volumes()).containsExactly(volumes, volumes);
    assertThat(beanClient.capabilities()).contains(ProviderCapability.VOLUMES);
  }

  /** A provider module's route file: the template bound to one provider. */
  private static String templated(String name) {
    return """
        - templatedRoute:
            routeTemplateRef: bean-provider
            routeId: provider-%s
            parameters:
              - name: name
                value: %s
        """
        .formatted(name, name);
  }
}
