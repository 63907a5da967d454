package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.provider.mapping.ProviderChoice;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.camelvk.testprovider.InstantProvider;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider mapping while the virtual kubelet runs: an edit takes effect for new pods and moves
 * no running one; a file that is not a valid mapping is refused and the one in force stays; a pod
 * no provider of the node takes waits, Pending with a Warning event, until it names one.
 */
@WithControlPlane
class ProviderMappingIT {

  private static final Duration RUNNING = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static Path mapping;
  private static RunningKubelet kubelet;

  @BeforeAll
  static void start(TestCluster cluster) throws IOException {
    mapping = dir.resolve("mapping.yaml");
    writeMapping("instant");
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            settings.providers().withNames(List.of(InstantProvider.NAME)).withMapping(mapping));
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
  }

  @Test
  void anEditedMappingPlacesNewPodsAndLeavesRunningOnesWhereTheyAre(TestCluster cluster)
      throws IOException {
    Pod before = run(cluster, "gpu-before", "gpu");
    assertThat(kubelet.providerOf(before)).isEqualTo("instant");

    writeMapping("mock");
    await().atMost(RUNNING).until(() -> reloads("applied") >= 1);

    Pod after = run(cluster, "gpu-after", "gpu");
    assertThat(kubelet.providerOf(after)).isEqualTo("mock");
    assertThat(kubelet.providerOf(before)).isEqualTo("instant");
    assertThat(uids(kubelet.providers().bean("instant").orElseThrow().pods()))
        .contains(before.getMetadata().getUid())
        .doesNotContain(after.getMetadata().getUid());
  }

  @Test
  void aMappingThatIsNotValidIsRefusedAndTheOneInForceKeepsPlacingPods(TestCluster cluster)
      throws IOException {
    writeMapping("instant");
    await().atMost(RUNNING).until(() -> providerOfNew(cluster, "probe-1").equals("instant"));
    long refused = reloads("refused");

    Files.writeString(mapping, "- route:\n    from: [this is not\n");
    await().atMost(RUNNING).until(() -> reloads("refused") == refused + 1);
    assertThat(providerOfNew(cluster, "probe-2")).isEqualTo("instant");

    writeMapping("gpu-cloud");
    await().atMost(RUNNING).until(() -> reloads("refused") == refused + 2);
    assertThat(providerOfNew(cluster, "probe-3")).isEqualTo("instant");
  }

  @Test
  void aPodNamingAProviderTheNodeDoesNotRunWaitsWithAWarningUntilItNamesOne(TestCluster cluster) {
    Pod pod =
        TestPods.boundTo(kubelet.nodeName(), "nowhere")
            .editMetadata()
            .addToAnnotations("virtual-kubelet.io/provider", "gpu-cloud")
            .endMetadata()
            .build();
    cluster.create(pod);

    await()
        .atMost(RUNNING)
        .until(() -> waitingReason(cluster.pod("nowhere")).equals(ProviderChoice.UNKNOWN_PROVIDER));
    assertThat(cluster.pod("nowhere").getStatus().getPhase()).isEqualTo("Pending");
    await()
        .atMost(RUNNING)
        .untilAsserted(
            () ->
                assertThat(cluster.eventsAbout("nowhere"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getReason()).isEqualTo(ProviderChoice.UNKNOWN_PROVIDER);
                          assertThat(e.getMessage())
                              .contains("'gpu-cloud'")
                              .contains("mock, instant");
                        }));

    cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withName("nowhere")
        .edit(
            p -> {
              p.getMetadata().getAnnotations().put("virtual-kubelet.io/provider", "instant");
              return p;
            });
    await().atMost(RUNNING).until(() -> TestPods.isRunningAndReady(cluster.pod("nowhere")));
    assertThat(kubelet.providerOf(cluster.pod("nowhere"))).isEqualTo("instant");
  }

  /** Pods with label {@code tier=gpu} go to {@code provider}; the rest to the default. */
  private static void writeMapping(String provider) throws IOException {
    Files.writeString(
        mapping,
        """
        - route:
            from:
              uri: direct:vk-provider-mapping
              steps:
                - filter:
                    simple: "${header.VkPodLabels[tier]} == 'gpu'"
                    steps:
                      - setHeader:
                          name: VkProvider
                          constant: %s
        """
            .formatted(provider));
  }

  private static String providerOfNew(TestCluster cluster, String name) {
    Pod pod = run(cluster, name, "gpu");
    String provider = kubelet.providerOf(pod);
    cluster.client().resource(pod).delete();
    await().atMost(RUNNING).until(() -> cluster.pod(name) == null);
    return provider;
  }

  private static Pod run(TestCluster cluster, String name, String tier) {
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), name)
            .editMetadata()
            .addToLabels("tier", tier)
            .endMetadata()
            .build());
    await().atMost(RUNNING).until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
    return cluster.pod(name);
  }

  private static String waitingReason(Pod pod) {
    if (pod == null || pod.getStatus() == null) {
      return "";
    }
    return pod.getStatus().getContainerStatuses().stream()
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getWaiting() != null)
        .map(s -> s.getWaiting().getReason())
        .findFirst()
        .orElse("");
  }

  private static long reloads(String outcome) {
    Matcher m =
        Pattern.compile(
                "vk_provider_mapping_reloads_total\\{outcome=\"" + outcome + "\"} ([0-9.]+)")
            .matcher(kubelet.httpGet("/metrics").body());
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  private static List<String> uids(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getUid()).toList();
  }
}
