package io.camelvk.providers.interlink;

import static io.camelvk.providers.interlink.InterlinkNode.awaitPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * interLink's own test set (vk-test-set, its pods in src/test/resources/vk-test-set) on the real
 * control plane, through the interlink provider over a unix socket to the fake plugin, which runs
 * the pods' commands: their logs and exit codes are real. Each test is one template and the checks
 * of its VALIDATION section.
 */
@WithControlPlane
class InterlinkVkTestSetIT {

  @TempDir static Path dir;
  private static InterlinkNode node;

  @BeforeAll
  static void start(TestCluster cluster) {
    node = InterlinkNode.start(cluster, dir);
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    node.stop(cluster);
  }

  @Test
  void helloWorld(TestCluster cluster) {
    apply(cluster, "000-hello-world");

    awaitPhase(cluster, "hello-world", "Succeeded");
    assertThat(logs(cluster, "hello-world", "hello-world")).contains("hello world");
    assertThat(node.kubelet().providerOf(cluster.pod("hello-world")))
        .isEqualTo(InterlinkProvider.NAME);
  }

  @Test
  void environmentFromConfigMapAndSecretKeys(TestCluster cluster) {
    apply(cluster, "080-configmap-secret-env");

    awaitPhase(cluster, "configmap-secret-test", "Succeeded");
    assertThat(logs(cluster, "configmap-secret-test", "configmap-secret-container"))
        .contains("APP_NAME: config-test-app")
        .contains("APP_VERSION: 1.0.0")
        .contains("ENVIRONMENT: test")
        .contains("API_KEY: secret-api-key-12345")
        .contains("DB_PASSWORD: super-secret-password")
        .contains("AUTH_TOKEN: bearer-token-xyz789");
  }

  @Test
  void configMapAndSecretVolumesWithSharedEmptyDirs(TestCluster cluster) {
    apply(cluster, "040-config-volumes");

    awaitPhase(cluster, "python-vol", "Succeeded");
    assertThat(logs(cluster, "python-vol", "config")).contains("hello configurable world");
    assertThat(logs(cluster, "python-vol", "secret")).contains("hello secret world");
  }

  @Test
  void initContainersRunInOrderBeforeTheMainContainer(TestCluster cluster) {
    apply(cluster, "065-multi-init-containers");

    awaitPhase(cluster, "multi-init", "Succeeded");
    assertThat(logs(cluster, "multi-init", "create-config"))
        .contains("Config created successfully");
    assertThat(logs(cluster, "multi-init", "validate-config"))
        .contains("Configuration validated successfully");
    assertThat(logs(cluster, "multi-init", "prepare-data"))
        .contains("All init containers finished successfully");
    assertThat(logs(cluster, "multi-init", "main-app"))
        .contains("✓ All 3 init stages completed")
        .contains("✓ Configuration validated")
        .contains("✓ Data file validated")
        .contains("MULTI_INIT_TEST_PASSED");
    assertThat(cluster.pod("multi-init").getStatus().getInitContainerStatuses())
        .extracting(c -> c.getState().getTerminated().getReason())
        .containsExactly("Completed", "Completed", "Completed");
  }

  @Test
  void failingContainersFailTheirPodsWithTheExitCodeInTheReason(TestCluster cluster) {
    apply(cluster, "100-failing-containers");

    for (String pod :
        List.of(
            "exit-code-failure",
            "command-not-found",
            "runtime-error",
            "multi-container-partial-fail",
            "oom-simulation")) {
      awaitPhase(cluster, pod, "Failed");
    }
    ContainerStatus exit =
        cluster.pod("exit-code-failure").getStatus().getContainerStatuses().getFirst();
    assertThat(exit.getState().getTerminated().getExitCode()).isEqualTo(42);
    assertThat(exit.getState().getTerminated().getReason()).isEqualTo("Error: 42");
    assertThat(cluster.pod("exit-code-failure").getStatus().getReason()).isEqualTo("Error: 42");
    assertThat(logs(cluster, "exit-code-failure", "exit-failure"))
        .contains("Simulated application failure")
        .contains("Exit code: 42");
    assertThat(logs(cluster, "runtime-error", "python-exception"))
        .containsPattern("RuntimeError.*database connection failed");
    assertThat(logs(cluster, "multi-container-partial-fail", "success-container"))
        .contains("Container 1: Completed successfully");
    assertThat(logs(cluster, "multi-container-partial-fail", "failure-container"))
        .contains("Container 2: ERROR - Simulating failure");
    assertThat(logs(cluster, "multi-container-partial-fail", "another-success"))
        .contains("Container 3: Completed successfully");
    assertThat(logs(cluster, "oom-simulation", "memory-hog"))
        .contains("Attempting to allocate memory beyond limit");
  }

  @Test
  void quotesInEnvironmentValuesArriveUnchanged(TestCluster cluster) {
    apply(cluster, "105-env-quotes");

    awaitPhase(cluster, "env-quotes-test", "Succeeded");
    assertThat(logs(cluster, "env-quotes-test", "quote-tester"))
        .contains("Testing: SINGLE_QUOTES")
        .contains("Testing: DOUBLE_QUOTES")
        .contains("Testing: JSON_STRING")
        .contains("JSON parsing successful")
        .contains("All tests PASSED")
        .contains("ENV_QUOTES_TEST_PASSED");
  }

  @Test
  void projectedFilesKeepTheirNewlines(TestCluster cluster) {
    apply(cluster, "120-projected-volumes");

    awaitPhase(cluster, "projected-vol", "Succeeded");
    assertThat(logs(cluster, "projected-vol", "check-newlines"))
        .contains("projected ConfigMap multiline.txt: newlines preserved correctly")
        .contains("projected ConfigMap cert-like.pem: PEM format preserved correctly")
        .contains("service account ca.crt: newlines preserved")
        .contains("All projected volume newline tests passed");
  }

  private static void apply(TestCluster cluster, String manifest) {
    try (InputStream in =
        InterlinkVkTestSetIT.class.getResourceAsStream("/vk-test-set/" + manifest + ".yaml")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("NODE", node.kubelet().nodeName());
      List<HasMetadata> objects =
          cluster
              .client()
              .load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
              .items();
      for (HasMetadata object : objects) {
        cluster.client().resource(object).inNamespace(cluster.namespace()).create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String logs(TestCluster cluster, String pod, String container) {
    return cluster.kubectl("logs", "-n", cluster.namespace(), pod, "-c", container);
  }
}
