package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.bench.Target.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private final Map<Figure, Double> floor = new EnumMap<>(Figure.class);
  private final Map<Figure, Double> vk = new EnumMap<>(Figure.class);

  TargetsTest() {
    floor.put(Figure.ALL_READY, 10.0);
    floor.put(Figure.CPU_PER_POD, 1.0);
    floor.put(Figure.P99, 1.0);
    floor.put(Figure.DELETE, 5.0);
    vk.put(Figure.ALL_READY, 10.5);
    vk.put(Figure.CPU_PER_POD, 8.0);
    vk.put(Figure.P99, 1.05);
    vk.put(Figure.DELETE, 10.0);
    vk.put(Figure.API_REQUESTS_PER_POD, 3.0);
    vk.put(Figure.PEAK_RSS, 485.0);
    vk.put(Figure.START, 2.5);
  }

  @Test
  void eachTargetIsJudgedFromTheMediansWithTheNumbers() {
    Map<String, Target> targets = byName(Targets.evaluate(options("--pods", "10000"), floor, vk));

    assertThat(targets.get("all Ready").verdict()).isEqualTo(Verdict.MET);
    assertThat(targets.get("all Ready").measured()).isEqualTo("1.05 x (10.50 s against 10.00 s)");
    assertThat(targets.get("CPU per pod").verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(targets.get("CPU per pod").requirement()).isEqualTo("<= 2 x the floor");
    assertThat(targets.get("deletes").verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(targets.get("API requests per pod").verdict()).isEqualTo(Verdict.MET);
    assertThat(targets.get("peak RSS").verdict()).isEqualTo(Verdict.MET);
    assertThat(targets.get("start to node Ready").verdict()).isEqualTo(Verdict.MET);
  }

  @Test
  void theP99IsJudgedOnlyWhenPaced() {
    assertThat(verdict(options(), "p99 create->Ready, paced")).isEqualTo(Verdict.NOT_JUDGED);
    assertThat(verdict(options("--rate", "100"), "p99 create->Ready, paced"))
        .isEqualTo(Verdict.MET);
    vk.put(Figure.P99, 1.2);
    assertThat(verdict(options("--rate", "100"), "p99 create->Ready, paced"))
        .isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void peakRssIsJudgedOnlyFromTenThousandPods() {
    vk.put(Figure.PEAK_RSS, 600.0);

    assertThat(verdict(options("--pods", "9999"), "peak RSS")).isEqualTo(Verdict.NOT_JUDGED);
    assertThat(verdict(options("--pods", "10000"), "peak RSS")).isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void aStrayRequestPerTwoHundredPodsMissesTheThreeRequests() {
    vk.put(Figure.API_REQUESTS_PER_POD, 601 / 200.0);

    assertThat(verdict(options(), "API requests per pod")).isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void withoutAFloorRunTheComparisonsAreNotJudged() {
    Map<String, Target> targets = byName(Targets.evaluate(options(), Map.of(), vk));

    assertThat(targets.get("all Ready").verdict()).isEqualTo(Verdict.NOT_JUDGED);
    assertThat(targets.get("all Ready").measured()).isEqualTo("no floor run");
    assertThat(targets.get("start to node Ready").verdict()).isEqualTo(Verdict.MET);
  }

  @Test
  void aSlowStartMissesItsTarget() {
    vk.put(Figure.START, 3.2);

    assertThat(verdict(options(), "start to node Ready")).isEqualTo(Verdict.NOT_MET);
  }

  private Verdict verdict(BenchOptions options, String name) {
    return byName(Targets.evaluate(options, floor, vk)).get(name).verdict();
  }

  private static BenchOptions options(String... args) {
    return BenchOptions.parse(args);
  }

  private static Map<String, Target> byName(List<Target> targets) {
    return targets.stream().collect(java.util.stream.Collectors.toMap(Target::name, t -> t));
  }
}
