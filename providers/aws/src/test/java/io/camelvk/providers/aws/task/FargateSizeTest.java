package io.camelvk.providers.aws.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.PodRefusedException;
import org.junit.jupiter.api.Test;

class FargateSizeTest {

  @Test
  void theTableHoldsEveryCombinationOfTheEcsGuide() {
    assertThat(FargateSize.ALL).hasSize(3 + 4 + 7 + 13 + 23 + 12 + 12);
    assertThat(FargateSize.ALL)
        .contains(
            new FargateSize(256, 2048),
            new FargateSize(512, 4096),
            new FargateSize(4096, 30720),
            new FargateSize(8192, 20480),
            new FargateSize(16384, 122880))
        .doesNotContain(new FargateSize(256, 1536), new FargateSize(8192, 18432));
  }

  @Test
  void aPodThatAsksForNothingGetsTheSmallestSize() {
    assertThat(FargateSize.holding(PodNeeds.NOTHING)).isEqualTo(new FargateSize(256, 512));
  }

  @Test
  void cpuAndMemoryAreRoundedUpToTheSmallestSizeThatHoldsBoth() {
    assertThat(FargateSize.holding(new PodNeeds(300, 600))).isEqualTo(new FargateSize(512, 1024));
    assertThat(FargateSize.holding(new PodNeeds(250, 512))).isEqualTo(new FargateSize(256, 512));
    assertThat(FargateSize.holding(new PodNeeds(251, 512))).isEqualTo(new FargateSize(512, 1024));
    assertThat(FargateSize.holding(new PodNeeds(1000, 2048)))
        .isEqualTo(new FargateSize(1024, 2048));
  }

  @Test
  void memoryBeyondWhatACpuAllowsTakesALargerCpu() {
    assertThat(FargateSize.holding(new PodNeeds(100, 5000))).isEqualTo(new FargateSize(1024, 5120));
    assertThat(FargateSize.holding(new PodNeeds(4000, 31000)))
        .isEqualTo(new FargateSize(8192, 32768));
    assertThat(FargateSize.holding(new PodNeeds(8000, 40000)))
        .isEqualTo(new FargateSize(8192, 40960));
  }

  @Test
  void aPodLargerThanTheLargestTaskIsRefusedWithItsNeedAndTheLimit() {
    assertThatThrownBy(() -> FargateSize.holding(new PodNeeds(17000, 2048)))
        .isInstanceOf(PodRefusedException.class)
        .hasMessage(
            "the pod needs 17000m CPU and 2048Mi of memory; the largest Fargate task has 16384"
                + " CPU units (16 vCPU) and 122880 MiB");
    assertThatThrownBy(() -> FargateSize.holding(new PodNeeds(1000, 122881)))
        .isInstanceOf(PodRefusedException.class)
        .hasMessageContaining("122881Mi");
  }

  @Test
  void aRoundedSizeSaysFromWhatToWhat() {
    TaskSize rounded = new TaskSize(new PodNeeds(300, 600), new FargateSize(512, 1024));
    assertThat(rounded.rounded()).isTrue();
    assertThat(rounded.roundingMessage())
        .contains(
            "the pod asks for 300m CPU and 600Mi; Fargate runs it as 512 CPU units (0.5 vCPU)"
                + " and 1024 MiB");
    TaskSize nothing = new TaskSize(PodNeeds.NOTHING, FargateSize.SMALLEST);
    assertThat(nothing.roundingMessage())
        .contains(
            "the pod asks for no CPU and no memory; Fargate runs it as 256 CPU units (0.25 vCPU)"
                + " and 512 MiB");
  }

  @Test
  void aSizeThatFitsExactlyIsNotRounded() {
    TaskSize exact = new TaskSize(new PodNeeds(2000, 4096), new FargateSize(2048, 4096));
    assertThat(exact.rounded()).isFalse();
    assertThat(exact.roundingMessage()).isEmpty();
  }
}
