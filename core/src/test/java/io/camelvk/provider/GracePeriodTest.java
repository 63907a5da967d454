package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GracePeriodTest {

  @Test
  void theDeletionsGracePeriodWinsOverTheSpecs() {
    Pod pod =
        TestPods.named("ns", "web", "u1")
            .editMetadata()
            .withDeletionGracePeriodSeconds(5L)
            .endMetadata()
            .editSpec()
            .withTerminationGracePeriodSeconds(60L)
            .endSpec()
            .build();

    assertThat(GracePeriod.of(pod)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void withoutADeletionItIsTheSpecsOrThirtySeconds() {
    Pod pod = TestPods.named("ns", "web", "u1").build();

    assertThat(GracePeriod.of(pod)).isEqualTo(GracePeriod.DEFAULT);
    assertThat(
            GracePeriod.of(
                TestPods.named("ns", "web", "u1")
                    .editSpec()
                    .withTerminationGracePeriodSeconds(60L)
                    .endSpec()
                    .build()))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aForcedDeletionStillLeavesTheKubeletsMinimumWindow() {
    Pod pod =
        TestPods.named("ns", "web", "u1")
            .editMetadata()
            .withDeletionGracePeriodSeconds(0L)
            .endMetadata()
            .build();

    assertThat(GracePeriod.of(pod)).isEqualTo(Duration.ofSeconds(2));
  }
}
