package io.camelvk.pod.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.volume.VolumeKind;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VolumeKindCheckTest {

  private final Pod withClaim =
      TestPods.named("ns", "db", "u1")
          .editSpec()
          .addToVolumes(
              new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build(),
              new VolumeBuilder()
                  .withName("data")
                  .withNewPersistentVolumeClaim("pg-data", false)
                  .build())
          .endSpec()
          .build();

  @Test
  void aClaimIsRefusedByDefaultNamingTheVolumeAndItsKind() {
    assertThat(VolumeKindCheck.unserved(withClaim, "mock", NodeProfile.DEFAULT))
        .hasValueSatisfying(
            refused -> {
              assertThat(refused.volume()).isEqualTo("data");
              assertThat(refused.reason())
                  .startsWith("provider mock does not serve persistentVolumeClaim volumes");
            });
  }

  @Test
  void aProviderThatSaysItServesClaimsRunsThePod() {
    NodeProfile claims =
        new NodeProfile(
            Map.of(), Map.of(), List.of(), "db", Set.of(VolumeKind.PERSISTENT_VOLUME_CLAIM));

    assertThat(VolumeKindCheck.unserved(withClaim, "db", claims)).isEmpty();
  }
}
