package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithVirtualKubelet
class PodEnvironmentIT {

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void optionalReferencesThatAreMissingGiveEventsAndThePodRuns(TestCluster cluster) {
    create(
        cluster,
        "optional",
        List.of(
            configMapKey("A", "absent-cm", "k", true), secretKey("B", "absent-secret", "k", true)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("optional")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                reasons(cluster, "optional")
                    .containsAll(List.of("OptionalConfigMapNotFound", "OptionalSecretNotFound")));
  }

  @Test
  void aMissingMandatoryConfigMapKeepsThePodPendingUntilItAppears(TestCluster cluster) {
    create(cluster, "waits", List.of(configMapKey("COLOUR", "settings", "colour", false)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Pod pod = cluster.pod("waits");
              assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
              var waiting =
                  pod.getStatus().getContainerStatuses().getFirst().getState().getWaiting();
              assertThat(waiting.getReason()).isEqualTo("CreateContainerConfigError");
              assertThat(waiting.getMessage()).contains("settings");
            });
    assertThat(reasons(cluster, "waits")).contains("MandatoryConfigMapNotFound");
    assertThat(kubelet.provider().pods()).noneMatch(p -> p.getMetadata().getName().equals("waits"));

    cluster
        .client()
        .configMaps()
        .inNamespace(cluster.namespace())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .withData(Map.of("colour", "blue"))
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("waits")));
    assertThat(printenv("waits", "COLOUR")).isEqualTo("blue\n");
  }

  @Test
  void aMissingMandatorySecretBlocksThePodWithAnEventAndItsValueArrivesDecoded(
      TestCluster cluster) {
    create(cluster, "secretive", List.of(secretKey("TOKEN", "credentials", "token", false)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reasons(cluster, "secretive").contains("MandatorySecretNotFound"));
    cluster
        .client()
        .secrets()
        .inNamespace(cluster.namespace())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("credentials")
                .endMetadata()
                .withStringData(Map.of("token", "s3cr3t"))
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("secretive")));
    assertThat(printenv("secretive", "TOKEN")).isEqualTo("s3cr3t\n");
  }

  @Test
  void downwardApiAndExpansionAndServiceLinksReachTheContainer(TestCluster cluster) {
    create(
        cluster,
        "downward",
        List.of(
            new EnvVarBuilder()
                .withName("POD")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.name")
                .endFieldRef()
                .endValueFrom()
                .build(),
            new EnvVarBuilder()
                .withName("NODE")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("spec.nodeName")
                .endFieldRef()
                .endValueFrom()
                .build(),
            new EnvVarBuilder().withName("GREETING").withValue("hello $(POD) on $(NODE)").build()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("downward")));
    assertThat(printenv("downward", "GREETING"))
        .isEqualTo("hello downward on " + kubelet.nodeName() + "\n");
    assertThat(printenv("downward", "KUBERNETES_SERVICE_HOST")).isEqualTo("10.0.0.1\n");
  }

  private static void create(TestCluster cluster, String name, List<EnvVar> env) {
    cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .resource(
            TestPods.boundTo(kubelet.nodeName(), name)
                .editSpec()
                .editFirstContainer()
                .withEnv(env)
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  private static String printenv(String pod, String name) {
    var exec = (ContainerExec) kubelet.provider();
    var stdout = new ByteArrayOutputStream();
    var streams =
        new RemoteStreams(
            Optional.empty(), Optional.of(stdout), Optional.empty(), false, new TerminalResizes());
    exec.exec(namespaceOf(pod), pod, "app", List.of("printenv", name), streams);
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private static String namespaceOf(String pod) {
    return kubelet.provider().pods().stream()
        .filter(p -> p.getMetadata().getName().equals(pod))
        .findFirst()
        .orElseThrow()
        .getMetadata()
        .getNamespace();
  }

  private static EnvVar configMapKey(String name, String map, String key, boolean optional) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewConfigMapKeyRef()
        .withName(map)
        .withKey(key)
        .withOptional(optional)
        .endConfigMapKeyRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar secretKey(String name, String secret, String key, boolean optional) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .withOptional(optional)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static List<String> reasons(TestCluster cluster, String pod) {
    return cluster.eventsAbout(pod).stream().map(e -> e.getReason()).toList();
  }
}
