package io.camelvk.bench;

import java.util.List;
import java.util.Map;

/** Runs with made-up figures, for the tests of what is computed from them. */
final class SampleRuns {

  private SampleRuns() {}

  /** A floor run of two pods. */
  static RunResult floor(int index, double allReady, double cpuSeconds) {
    return new RunResult(
        "floor",
        index,
        2,
        new ScenarioTimes(
            allReady,
            1.5,
            List.of(
                new PodTimes("floor-0", 0.01, 0.5, 2.0),
                new PodTimes("floor-1", 0.02, null, null))),
        new KubeletUsage(cpuSeconds, 3.0, 12),
        null);
  }

  /** A virtual kubelet run of two pods, with 6 requests besides one watch. */
  static RunResult vk(int index, double allReady, double cpuSeconds) {
    return new RunResult(
        "vk",
        index,
        2,
        new ScenarioTimes(
            allReady,
            2.5,
            List.of(new PodTimes("vk-0", 0.01, 0.6, 2.5), new PodTimes("vk-1", 0.02, 0.9, 2.6))),
        new KubeletUsage(cpuSeconds, 4.0, 300),
        new VkFigures(
            new ApiRequests(7, 1, 0, 0, Map.of("PATCH", 4L, "DELETE", 2L, "WATCH", 1L)),
            2.1,
            2.3,
            Map.of("C2 CompilerThre", 1.5)));
  }
}
