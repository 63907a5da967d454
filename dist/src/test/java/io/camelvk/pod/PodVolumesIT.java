package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pod's volumes through the mock, seen with {@code kubectl exec cat}: a ConfigMap (and its edit),
 * a Secret, the service-account token the API server binds to the pod; a missing ConfigMap holding
 * the pod with the kubelet's FailedMount until it is created; a hostPath refused.
 */
@WithVirtualKubelet
class PodVolumesIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(60);
  private static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void configMapSecretAndTokenFilesAreInTheContainerAndAConfigMapEditReachesIt(
      TestCluster cluster) {
    configMap(cluster, "app-config", "blue");
    cluster
        .client()
        .secrets()
        .inNamespace(cluster.namespace())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("credentials")
                .endMetadata()
                .withStringData(Map.of("password", "s3cr3t"))
                .build())
        .create();
    cluster.create(
        withMounts(
            "files",
            List.of(
                configVolume("config", "app-config"),
                new VolumeBuilder()
                    .withName("creds")
                    .withNewSecret()
                    .withSecretName("credentials")
                    .endSecret()
                    .build()),
            Map.of("config", "/etc/config", "creds", "/etc/creds")));
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("files")));

    assertThat(cat(cluster, "files", "/etc/config/colour")).isEqualTo("blue");
    assertThat(cat(cluster, "files", "/etc/creds/password")).isEqualTo("s3cr3t");
    assertThat(cat(cluster, "files", SERVICE_ACCOUNT_DIR + "/namespace"))
        .isEqualTo(cluster.namespace());
    assertThat(cat(cluster, "files", SERVICE_ACCOUNT_DIR + "/ca.crt"))
        .startsWith("-----BEGIN CERTIFICATE-----");
    assertBoundToThePod(cluster, cat(cluster, "files", SERVICE_ACCOUNT_DIR + "/token"));

    configMap(cluster, "app-config", "green");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cat(cluster, "files", "/etc/config/colour").equals("green"));
  }

  @Test
  void aMissingConfigMapHoldsThePodWithFailedMountUntilItIsCreated(TestCluster cluster) {
    cluster.create(
        withMounts(
            "late",
            List.of(configVolume("config", "late-config")),
            Map.of("config", "/etc/config")));

    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                messages(cluster, "late", "FailedMount")
                    .contains(
                        "MountVolume.SetUp failed for volume \"config\" : configmap"
                            + " \"late-config\" not found"));
    Pod waiting = cluster.pod("late");
    assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(waitingState(waiting).getReason()).isEqualTo("ContainerCreating");

    configMap(cluster, "late-config", "late");

    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("late")));
    assertThat(cat(cluster, "late", "/etc/config/colour")).isEqualTo("late");
  }

  @Test
  void aHostPathVolumeIsRefusedWithAnEventAndAWaitingReason(TestCluster cluster) {
    cluster.create(
        withMounts(
            "host",
            List.of(new VolumeBuilder().withName("logs").withNewHostPath("/var/log", "").build()),
            Map.of("logs", "/host/logs")));

    await()
        .atMost(LOADED_MACHINE)
        .untilAsserted(
            () -> {
              ContainerStateWaiting waiting = waitingState(cluster.pod("host"));
              assertThat(waiting.getReason()).isEqualTo("FailedMount");
              assertThat(waiting.getMessage())
                  .contains("volume \"logs\"", "does not serve hostPath volumes");
            });
    assertThat(messages(cluster, "host", "FailedMount"))
        .anySatisfy(m -> assertThat(m).contains("provider mock does not serve hostPath"));
    assertThat(kubelet.provider().pods()).noneMatch(p -> p.getMetadata().getName().equals("host"));
  }

  /** The API server says whose the token is: the pod's ServiceAccount, bound to this pod. */
  private static void assertBoundToThePod(TestCluster cluster, String token) {
    TokenReview review =
        cluster
            .client()
            .resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build())
            .create();
    Pod pod = cluster.pod("files");
    assertThat(review.getStatus().getAuthenticated()).isTrue();
    assertThat(review.getStatus().getUser().getUsername())
        .isEqualTo("system:serviceaccount:" + cluster.namespace() + ":default");
    assertThat(review.getStatus().getUser().getExtra())
        .containsEntry("authentication.kubernetes.io/pod-name", List.of("files"))
        .containsEntry("authentication.kubernetes.io/pod-uid", List.of(pod.getMetadata().getUid()));
  }

  private static Pod withMounts(
      String name, List<io.fabric8.kubernetes.api.model.Volume> volumes, Map<String, String> at) {
    PodBuilder pod =
        TestPods.boundTo(kubelet.nodeName(), name).editSpec().withVolumes(volumes).endSpec();
    at.forEach(
        (volume, path) ->
            pod.editSpec()
                .editFirstContainer()
                .addNewVolumeMount()
                .withName(volume)
                .withMountPath(path)
                .endVolumeMount()
                .endContainer()
                .endSpec());
    return pod.build();
  }

  private static io.fabric8.kubernetes.api.model.Volume configVolume(String name, String map) {
    return new VolumeBuilder()
        .withName(name)
        .withNewConfigMap()
        .withName(map)
        .endConfigMap()
        .build();
  }

  private static void configMap(TestCluster cluster, String name, String colour) {
    cluster
        .client()
        .configMaps()
        .inNamespace(cluster.namespace())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(Map.of("colour", colour))
                .build())
        .serverSideApply();
  }

  private static String cat(TestCluster cluster, String pod, String path) {
    return cluster.kubectl("exec", "-n", cluster.namespace(), pod, "--", "cat", path);
  }

  private static ContainerStateWaiting waitingState(Pod pod) {
    return pod.getStatus().getContainerStatuses().getFirst().getState().getWaiting();
  }

  private static List<String> messages(TestCluster cluster, String pod, String reason) {
    return cluster.eventsAbout(pod).stream()
        .filter(e -> reason.equals(e.getReason()))
        .map(Event::getMessage)
        .toList();
  }
}
