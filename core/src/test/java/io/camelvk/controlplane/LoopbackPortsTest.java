package io.camelvk.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

class LoopbackPortsTest {

  @RepeatedTest(20)
  void portsPickedTogetherAreAllDifferent() {
    int[] ports = LoopbackPorts.free(4);

    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
    assertThat(Arrays.stream(ports).min().orElseThrow()).isPositive();
  }
}
