package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTargetResolverTest {

  @TempDir Path home;
  private Path token;
  private Path file;

  @BeforeEach
  void files() throws IOException {
    token = home.resolve("token");
    file = Files.writeString(home.resolve("explicit.yaml"), "apiVersion: v1");
  }

  @Test
  void flagWinsOverEverything() throws IOException {
    homeConfig();
    var target = resolver(Map.of("KUBECONFIG", homeConfig().toString())).resolve(file.toString());
    assertThat(target).isEqualTo(new ClusterTarget.KubeconfigFile(file, "--kubeconfig"));
  }

  @Test
  void kubeconfigVariableComesNextAndItsFirstExistingFileIsTaken() {
    var target = resolver(Map.of("KUBECONFIG", home.resolve("missing") + ":" + file)).resolve(null);
    assertThat(target).isEqualTo(new ClusterTarget.KubeconfigFile(file, "KUBECONFIG"));
  }

  @Test
  void homeConfigComesAfterTheVariable() throws IOException {
    Path config = homeConfig();
    assertThat(resolver(Map.of()).resolve(null))
        .isEqualTo(new ClusterTarget.KubeconfigFile(config, "~/.kube/config"));
  }

  @Test
  void inClusterWhenThereIsAServiceAccountTokenAndTheServiceHost() throws IOException {
    Files.writeString(token, "t");
    assertThat(resolver(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")).resolve(null))
        .isInstanceOf(ClusterTarget.InCluster.class);
  }

  @Test
  void localWhenNothingIsConfigured() throws IOException {
    Files.writeString(token, "t");
    assertThat(resolver(Map.of()).resolve(null)).isInstanceOf(ClusterTarget.Local.class);
  }

  @Test
  void aNamedKubeconfigThatIsMissingIsAnErrorNotLocalMode() {
    assertThatThrownBy(() -> resolver(Map.of()).resolve(home.resolve("nope").toString()))
        .hasMessageContaining("--kubeconfig")
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> resolver(Map.of("KUBECONFIG", "/no/such/file")).resolve(null))
        .hasMessageContaining("KUBECONFIG");
  }

  private Path homeConfig() throws IOException {
    Files.createDirectories(home.resolve(".kube"));
    return Files.writeString(home.resolve(".kube/config"), "apiVersion: v1");
  }

  private ClusterTargetResolver resolver(Map<String, String> env) {
    return new ClusterTargetResolver(env, home, token);
  }
}
