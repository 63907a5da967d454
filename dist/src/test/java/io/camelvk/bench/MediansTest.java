package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    assertThat(Medians.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    assertThat(Medians.median(List.of(4.0))).isEqualTo(4.0);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Medians.median(List.of(10.0, 1.0, 3.0, 4.0))).isEqualTo(3.5);
  }

  @Test
  void eachFigureHasItsMedianOverTheRunsOfAMode() {
    Map<Figure, Double> medians =
        Medians.of(
            List.of(
                SampleRuns.vk(1, 4.0, 10.0),
                SampleRuns.vk(2, 2.0, 30.0),
                SampleRuns.vk(3, 3.0, 20.0)));

    assertThat(medians.get(Figure.ALL_READY)).isEqualTo(3.0);
    assertThat(medians.get(Figure.CPU)).isEqualTo(20.0);
    assertThat(medians.get(Figure.CPU_PER_POD)).isEqualTo(10_000.0);
    assertThat(medians.get(Figure.API_REQUESTS_PER_POD)).isEqualTo(3.0);
  }

  @Test
  void theFloorHasNoFiguresOnlyTheVirtualKubeletHas() {
    Map<Figure, Double> medians = Medians.of(List.of(SampleRuns.floor(1, 2.0, 1.0)));

    assertThat(medians).doesNotContainKeys(Figure.API_REQUESTS_PER_POD, Figure.START);
    assertThat(medians.get(Figure.P99)).as("one pod seen Ready").isCloseTo(0.49, within(1e-9));
  }

  @Test
  void ratiosAreTheVirtualKubeletsMediansOverTheFloors() {
    Map<String, Double> ratios =
        Medians.ratios(
            Medians.of(List.of(SampleRuns.floor(1, 2.0, 1.0))),
            Medians.of(List.of(SampleRuns.vk(1, 3.0, 4.0))));

    assertThat(ratios)
        .containsOnlyKeys("allReadyTime", "deleteTime", "p99Latency", "cpuPerPod")
        .containsEntry("allReadyTime", 1.5)
        .containsEntry("cpuPerPod", 4.0);
  }

  @Test
  void withoutTheFloorThereAreNoRatios() {
    assertThat(Medians.ratios(Map.of(), Medians.of(List.of(SampleRuns.vk(1, 3.0, 4.0))))).isEmpty();
  }
}
