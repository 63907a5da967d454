package io.camelvk.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The median of each figure over a mode's runs, which the summary and the targets use (one run is
 * noisy on a shared machine), and the ratios of the virtual kubelet's medians to the floor's.
 */
final class Medians {

  private Medians() {}

  /** The median of each figure over the runs that have it. */
  static Map<Figure, Double> of(List<RunResult> runs) {
    Map<Figure, Double> medians = new EnumMap<>(Figure.class);
    for (Figure figure : Figure.values()) {
      List<Double> values =
          runs.stream().map(r -> r.figures().get(figure)).filter(Objects::nonNull).toList();
      if (!values.isEmpty()) {
        medians.put(figure, median(values));
      }
    }
    return medians;
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The virtual kubelet's medians over the floor's, by what they compare; empty without both. */
  static Map<String, Double> ratios(Map<Figure, Double> floor, Map<Figure, Double> vk) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    ratio(ratios, "allReadyTime", Figure.ALL_READY, floor, vk);
    ratio(ratios, "deleteTime", Figure.DELETE, floor, vk);
    ratio(ratios, "p99Latency", Figure.P99, floor, vk);
    ratio(ratios, "cpuPerPod", Figure.CPU_PER_POD, floor, vk);
    return ratios;
  }

  private static void ratio(
      Map<String, Double> ratios,
      String name,
      Figure figure,
      Map<Figure, Double> floor,
      Map<Figure, Double> vk) {
    if (floor.containsKey(figure) && vk.containsKey(figure)) {
      ratios.put(name, vk.get(figure) / floor.get(figure));
    }
  }
}
