package io.camelvk.bench;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.json} (every run, the medians by mode, their ratios and the targets), {@code
 * pods.csv} and {@code report.png}, and prints the summary.
 */
final class BenchReport {

  private BenchReport() {}

  static void write(BenchOptions options, List<RunResult> runs, Path out, PrintStream console)
      throws IOException {
    Map<Figure, Double> floor = Medians.of(ofMode(runs, "floor"));
    Map<Figure, Double> vk = Medians.of(ofMode(runs, "vk"));
    List<Target> targets = Targets.evaluate(options, floor, vk);
    Map<String, Object> report = settings(options);
    report.put("runs", runs.stream().map(RunResult::report).toList());
    Map<String, Object> medians = new LinkedHashMap<>();
    medians.put("floor", byKey(floor));
    medians.put("vk", byKey(vk));
    report.put("medians", medians);
    report.put("ratiosOfMedians", Medians.ratios(floor, vk));
    report.put("targets", targets.stream().map(Target::report).toList());
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.json"), Serialization.asJson(report) + "\n");
    PodsCsv.write(runs, out.resolve("pods.csv"));
    ChartPainter.paint(
        runs,
        options.pods() + " pods, " + options.shape() + " (grey: floor, orange: virtual kubelet)",
        out.resolve("report.png"));
    BenchSummary.print(options, floor, vk, targets, console);
    console.println("wrote report.json, pods.csv and report.png in " + out);
  }

  private static Map<String, Object> settings(BenchOptions options) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("pods", options.pods());
    report.put("shape", options.shape());
    report.put("creators", options.creators());
    report.put("podSyncWorkers", options.workers());
    report.put("providers", options.providers());
    report.put("split", options.split());
    report.put("repeat", options.repeat());
    return report;
  }

  private static List<RunResult> ofMode(List<RunResult> runs, String mode) {
    return runs.stream().filter(r -> r.mode().equals(mode)).toList();
  }

  private static Map<String, Double> byKey(Map<Figure, Double> figures) {
    Map<String, Double> byKey = new LinkedHashMap<>();
    figures.forEach((figure, value) -> byKey.put(figure.key(), value));
    return byKey;
  }
}
