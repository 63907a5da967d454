package io.camelvk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Two test classes report the control plane they saw; whichever runs second checks that it is the
 * very same one (same API server, same apiserver process) and that the namespaces differ.
 */
final class SharedControlPlaneProbe {

  record Observation(String apiServer, long apiServerPid, String namespace) {}

  private static final AtomicReference<Observation> FIRST = new AtomicReference<>();

  private SharedControlPlaneProbe() {}

  static void observe(TestCluster cluster) {
    long apiServerPid =
        cluster.plane().processes().stream()
            .filter(p -> p.name().equals("kube-apiserver"))
            .findFirst()
            .orElseThrow()
            .pid();
    Observation seen =
        new Observation(cluster.plane().apiServer().toString(), apiServerPid, cluster.namespace());
    assertThat(ControlPlaneExtension.starts()).isEqualTo(1);
    if (!FIRST.compareAndSet(null, seen)) {
      Observation first = FIRST.get();
      assertThat(seen.apiServer()).isEqualTo(first.apiServer());
      assertThat(seen.apiServerPid()).isEqualTo(first.apiServerPid());
      assertThat(seen.namespace()).isNotEqualTo(first.namespace());
      assertThat(cluster.client().namespaces().withName(first.namespace()).get())
          .satisfiesAnyOf(
              ns -> assertThat(ns).isNull(),
              ns -> assertThat(ns.getStatus().getPhase()).isEqualTo("Terminating"));
    }
  }
}
