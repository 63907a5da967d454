package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import org.junit.jupiter.api.Test;

class ApiTimesTest {

  @Test
  void timesAreCutToTheirSecondInUtc() {
    assertThat(ApiTimes.seconds("2026-12-07T10:00:00.750Z")).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(ApiTimes.seconds("2026-12-07T11:00:00+01:00")).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(ApiTimes.seconds("2026-12-07T10:00:00Z")).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(ApiTimes.seconds("yesterday")).isEqualTo("yesterday");
    assertThat(ApiTimes.seconds((String) null)).isNull();
  }

  @Test
  void aStateInWholeSecondsIsReturnedAsItIs() {
    ContainerState whole =
        new ContainerStateBuilder()
            .withNewRunning()
            .withStartedAt("2026-12-07T10:00:00Z")
            .endRunning()
            .build();
    assertThat(ApiTimes.seconds(whole)).isSameAs(whole);
  }

  @Test
  void aStateWithFractionsIsCopiedInWholeSeconds() {
    ContainerState fractional =
        new ContainerStateBuilder()
            .withNewTerminated()
            .withStartedAt("2026-12-07T10:00:00Z")
            .withFinishedAt("2026-12-07T10:05:00.5Z")
            .withExitCode(0)
            .endTerminated()
            .build();
    ContainerState cut = ApiTimes.seconds(fractional);
    assertThat(cut.getTerminated().getFinishedAt()).isEqualTo("2026-12-07T10:05:00Z");
    assertThat(fractional.getTerminated().getFinishedAt()).isEqualTo("2026-12-07T10:05:00.5Z");
  }
}
