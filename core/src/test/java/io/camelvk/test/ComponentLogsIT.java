package io.camelvk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithControlPlane
class ComponentLogsIT {

  @Test
  void copiesTheLogOfEveryComponent(TestCluster cluster, @TempDir Path target) throws IOException {
    ComponentLogs.copy(cluster.plane(), target);

    assertThat(target.resolve("kube-apiserver.log")).isNotEmptyFile();
    assertThat(target.resolve("kube-scheduler.log")).isNotEmptyFile();
    assertThat(target.resolve("kube-controller-manager.log")).isNotEmptyFile();
    assertThat(target.resolve("etcd.log")).exists();
    try (var files = Files.list(target)) {
      assertThat(files).hasSize(4);
    }
  }

  @Test
  void kubectlAnswersWithTheAdminKubeconfig(TestCluster cluster) {
    assertThat(cluster.kubectl("get", "ns", "-o", "name"))
        .contains("namespace/default", "namespace/" + cluster.namespace());
  }
}
