package io.camelvk.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@WithControlPlane
class SharedControlPlaneSecondIT {

  @Test
  void runsOnTheJvmsOneControlPlaneInItsOwnNamespace(TestCluster cluster) {
    assertThat(cluster.client().namespaces().withName(cluster.namespace()).get()).isNotNull();
    SharedControlPlaneProbe.observe(cluster);
  }
}
