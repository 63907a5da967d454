package io.camelvk.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary on stdout: the medians of each mode side by side, their ratio, and the targets. */
final class BenchSummary {

  private static final String ROW = "%-32s %14s %14s %9s%n";

  private BenchSummary() {}

  static void print(
      BenchOptions options,
      Map<Figure, Double> floor,
      Map<Figure, Double> vk,
      List<Target> targets,
      PrintStream out) {
    out.printf(
        "%n%d pods, %s, %d run%s of each mode; medians:%n",
        options.pods(), options.shape(), options.repeat(), options.repeat() == 1 ? "" : "s");
    out.printf(ROW, "", "floor", "vk", "vk/floor");
    for (Figure figure : Figure.values()) {
      if (floor.containsKey(figure) || vk.containsKey(figure)) {
        out.printf(
            ROW, figure.label(), value(figure, floor), value(figure, vk), ratio(figure, floor, vk));
      }
    }
    out.println("targets (from the medians):");
    targets.forEach(t -> out.println("  " + t.line()));
  }

  private static String value(Figure figure, Map<Figure, Double> medians) {
    Double value = medians.get(figure);
    return value == null ? "-" : figure.format(value);
  }

  private static String ratio(Figure figure, Map<Figure, Double> floor, Map<Figure, Double> vk) {
    if (!floor.containsKey(figure) || !vk.containsKey(figure) || floor.get(figure) == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "%.2f", vk.get(figure) / floor.get(figure));
  }
}
