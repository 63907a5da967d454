package io.camelvk.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@WithControlPlane
class LeaseIT {

  @Test
  void leaseWrittenThroughTheClientIsReadBackAndRenewed(TestCluster cluster) {
    ZonedDateTime acquired = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName("node-a")
            .withNamespace(cluster.namespace())
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity("node-a")
            .withLeaseDurationSeconds(40)
            .withAcquireTime(acquired)
            .withRenewTime(acquired)
            .endSpec()
            .build();
    var leases = cluster.client().leases().inNamespace(cluster.namespace());
    Lease created = leases.resource(lease).create();

    Lease read = leases.withName("node-a").get();
    assertThat(read.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(read.getSpec().getHolderIdentity()).isEqualTo("node-a");
    assertThat(read.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
    assertThat(read.getSpec().getRenewTime().toInstant()).isEqualTo(acquired.toInstant());

    ZonedDateTime renewed = acquired.plusSeconds(10);
    leases
        .withName("node-a")
        .edit(
            l -> {
              l.getSpec().setRenewTime(renewed);
              return l;
            });

    Lease after = leases.withName("node-a").get();
    assertThat(after.getSpec().getRenewTime().toInstant()).isEqualTo(renewed.toInstant());
    assertThat(after.getMetadata().getResourceVersion())
        .isNotEqualTo(read.getMetadata().getResourceVersion());
  }
}
