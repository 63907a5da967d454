package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.test.Kubectl;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.camelvk.testprovider.InstantProvider;
import io.camelvk.testprovider.WebhookBackend;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node, three providers: the mock (a bean in its own module), "instant" (a bean only the tests
 * have) and "webhook" (one route file and an HTTP service). A provider mapping places pods by
 * namespace and label, an annotation overrides it, and each pod's requests reach its backend.
 */
@WithControlPlane
class MultiProviderIT {

  private static final Duration RUNNING = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static WebhookBackend webhook;
  private static RunningKubelet kubelet;
  private static String otherNamespace;

  @BeforeAll
  static void start(TestCluster cluster) throws IOException {
    webhook = WebhookBackend.start();
    otherNamespace = cluster.namespace() + "-webhook";
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(otherNamespace).endMetadata().build())
        .create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster
                        .client()
                        .serviceAccounts()
                        .inNamespace(otherNamespace)
                        .withName("default")
                        .get()
                    != null);
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.yaml"),
            """
            - route:
                from:
                  uri: direct:vk-provider-mapping
                  steps:
                    - choice:
                        when:
                          - simple: "${header.VkPodNamespace} == '%s'"
                            steps:
                              - setHeader:
                                  name: VkProvider
                                  constant: webhook
                          - simple: "${header.VkPodLabels[backend]} == 'instant'"
                            steps:
                              - setHeader:
                                  name: VkProvider
                                  constant: instant
            """
                .formatted(otherNamespace));
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            settings
                .providers()
                .withNames(List.of(InstantProvider.NAME, WebhookBackend.NAME))
                .withMapping(mapping)
                .withProperty(WebhookBackend.URL_PROPERTY, webhook.url())
                .withCallLedger());
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    kubelet.stopAndDeleteNode(cluster);
    webhook.close();
    cluster.client().namespaces().withName(otherNamespace).delete();
  }

  @Test
  void podsRunOnTheProviderTheirNamespaceLabelOrAnnotationNamesAndItServesTheirLogsAndExec(
      TestCluster cluster) {
    Pod byDefault = run(cluster, cluster.namespace(), "plain", Map.of(), Map.of());
    Pod byLabel =
        run(cluster, cluster.namespace(), "labelled", Map.of("backend", "instant"), Map.of());
    Pod byAnnotation =
        run(
            cluster,
            cluster.namespace(),
            "annotated",
            Map.of("backend", "instant"),
            Map.of("virtual-kubelet.io/provider", "webhook"));
    Pod byNamespace = run(cluster, otherNamespace, "elsewhere", Map.of(), Map.of());

    assertThat(kubelet.providerOf(byDefault)).isEqualTo("mock");
    assertThat(kubelet.providerOf(byLabel)).isEqualTo("instant");
    assertThat(kubelet.providerOf(byAnnotation)).isEqualTo("webhook");
    assertThat(kubelet.providerOf(byNamespace)).isEqualTo("webhook");
    assertThat(uids(kubelet.providers().bean("instant").orElseThrow().pods()))
        .containsExactly(uid(byLabel));
    assertThat(webhook.pods())
        .contains(uid(byAnnotation), uid(byNamespace))
        .doesNotContain(uid(byLabel));

    assertThat(logs(cluster, cluster.namespace(), "plain")).startsWith("mock: ");
    assertThat(logs(cluster, cluster.namespace(), "labelled"))
        .isEqualTo("instant: " + cluster.namespace() + "/labelled/app\n");
    assertThat(logs(cluster, otherNamespace, "elsewhere"))
        .isEqualTo("webhook: " + otherNamespace + "/elsewhere/app\n");

    Kubectl kubectl = Kubectl.of(cluster);
    assertThat(
            kubectl
                .run("", "exec", "-n", cluster.namespace(), "labelled", "--", "echo", "hi")
                .stdout())
        .isEqualTo("instant: echo hi\n");
    assertThat(
            kubectl
                .run("", "exec", "-n", cluster.namespace(), "plain", "--", "echo", "hi")
                .stdout())
        .isEqualTo("hi\n");
    Kubectl.Result refused =
        kubectl.run("", "exec", "-n", cluster.namespace(), "annotated", "--", "echo", "hi");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr()).contains("provider webhook cannot run commands in containers");

    deleteAndAwaitGone(cluster, byDefault, byLabel, byAnnotation, byNamespace);
    assertThat(kubelet.providers().bean("instant").orElseThrow().pods()).isEmpty();
    assertThat(kubelet.provider().pods()).isEmpty();
    assertThat(webhook.pods()).isEqualTo("[]");
  }

  @Test
  void theNodeOffersWhatItsProvidersOfferTogether(TestCluster cluster) {
    Map<String, Quantity> capacity =
        cluster.client().nodes().withName(kubelet.nodeName()).get().getStatus().getCapacity();
    assertThat(Quantity.getAmountInBytes(capacity.get("pods")).intValue()).isEqualTo(3 * 110);
    assertThat(
            cluster
                .client()
                .nodes()
                .withName(kubelet.nodeName())
                .get()
                .getStatus()
                .getNodeInfo()
                .getOsImage())
        .isEqualTo("camel-virtual-kubelet (mock, instant, webhook)");
  }

  @Test
  void aRestartKeepsEveryPodOnItsProviderAndCreatesNothingAgain(TestCluster cluster) {
    Pod onMock = run(cluster, cluster.namespace(), "stays-mock", Map.of(), Map.of());
    Pod onInstant =
        run(cluster, cluster.namespace(), "stays-instant", Map.of("backend", "instant"), Map.of());
    Pod onWebhook = run(cluster, otherNamespace, "stays-webhook", Map.of(), Map.of());

    kubelet = kubelet.restart(cluster);

    assertThat(kubelet.providerOf(onMock)).isEqualTo("mock");
    assertThat(kubelet.providerOf(onInstant)).isEqualTo("instant");
    assertThat(kubelet.providerOf(onWebhook)).isEqualTo("webhook");
    ProviderCallLedger calls = kubelet.process().providerCalls();
    for (Pod pod : List.of(onMock, onInstant, onWebhook)) {
      assertThat(calls.count("create", uid(pod), null)).as(pod.getMetadata().getName()).isZero();
    }
    deleteAndAwaitGone(cluster, onMock, onInstant, onWebhook);
    for (Pod pod : List.of(onMock, onInstant, onWebhook)) {
      assertThat(calls.count("delete", uid(pod), "ok")).as(pod.getMetadata().getName()).isOne();
    }
    assertThat(kubelet.providers().bean("instant").orElseThrow().pods()).isEmpty();
    assertThat(webhook.pods()).isEqualTo("[]");
  }

  @Test
  void aPodWhoseProviderFailsWaitsWithWarningsWhileThePodsOfTheOthersRun(TestCluster cluster) {
    int port = webhook.port();
    webhook.close();
    Pod other;
    try {
      cluster
          .client()
          .pods()
          .inNamespace(otherNamespace)
          .resource(TestPods.boundTo(kubelet.nodeName(), "while-down").build())
          .create();
      await()
          .atMost(RUNNING)
          .until(
              () ->
                  waitingReason(cluster, otherNamespace, "while-down")
                      .equals(PodSyncFailures.PROVIDER_FAILED));
      assertThat(reasonsOfEvents(cluster, otherNamespace, "while-down"))
          .contains(PodSyncFailures.PROVIDER_ERROR, PodSyncFailures.PROVIDER_FAILED);
      other =
          run(cluster, cluster.namespace(), "unaffected", Map.of("backend", "instant"), Map.of());
    } finally {
      webhook = WebhookBackend.start(port);
    }
    await()
        .atMost(RUNNING)
        .until(
            () ->
                TestPods.isRunningAndReady(
                    cluster
                        .client()
                        .pods()
                        .inNamespace(otherNamespace)
                        .withName("while-down")
                        .get()));
    deleteAndAwaitGone(
        cluster,
        other,
        cluster.client().pods().inNamespace(otherNamespace).withName("while-down").get());
  }

  private static String waitingReason(TestCluster cluster, String namespace, String name) {
    Pod pod = cluster.client().pods().inNamespace(namespace).withName(name).get();
    if (pod == null || pod.getStatus() == null) {
      return "";
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
        .map(c -> c.getState().getWaiting().getReason())
        .findFirst()
        .orElse("");
  }

  private static List<String> reasonsOfEvents(TestCluster cluster, String namespace, String name) {
    return cluster.client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason())
        .toList();
  }

  private static Pod run(
      TestCluster cluster,
      String namespace,
      String name,
      Map<String, String> labels,
      Map<String, String> annotations) {
    Pod pod =
        TestPods.boundTo(kubelet.nodeName(), name)
            .editMetadata()
            .withNamespace(namespace)
            .addToLabels(labels)
            .addToAnnotations(annotations)
            .endMetadata()
            .build();
    cluster.client().pods().inNamespace(namespace).resource(pod).create();
    await()
        .atMost(RUNNING)
        .until(
            () ->
                TestPods.isRunningAndReady(
                    cluster.client().pods().inNamespace(namespace).withName(name).get()));
    return cluster.client().pods().inNamespace(namespace).withName(name).get();
  }

  private static String logs(TestCluster cluster, String namespace, String name) {
    return cluster.kubectl("logs", "-n", namespace, name);
  }

  private static void deleteAndAwaitGone(TestCluster cluster, Pod... pods) {
    cluster.deleteAndAwaitGone(RUNNING, pods);
  }

  private static List<String> uids(List<Pod> pods) {
    return pods.stream().map(MultiProviderIT::uid).toList();
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }
}
