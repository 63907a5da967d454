package io.camelvk.bench;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code report.json} and {@code report.png}, and prints the summary with the ratios to the
 * floor.
 */
final class BenchReport {

  private BenchReport() {}

  static void write(BenchOptions options, List<RunResult> runs, Path out, PrintStream console)
      throws IOException {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("pods", options.pods());
    report.put("shape", options.shape());
    report.put("creators", options.creators());
    report.put("podSyncWorkers", options.workers());
    report.put("providers", options.providers());
    report.put("split", options.split());
    for (RunResult run : runs) {
      report.put(run.mode(), figures(run));
    }
    Optional<RunResult> floor = runs.stream().filter(r -> r.mode().equals("floor")).findFirst();
    Optional<RunResult> vk = runs.stream().filter(r -> r.mode().equals("vk")).findFirst();
    if (floor.isPresent() && vk.isPresent()) {
      report.put(
          "ratioToFloor",
          Map.of(
              "allReadyTime", vk.get().allReadySeconds() / floor.get().allReadySeconds(),
              "deleteTime", vk.get().deleteSeconds() / floor.get().deleteSeconds(),
              "p99Latency", vk.get().percentile(99) / floor.get().percentile(99)));
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.json"), Serialization.asJson(report) + "\n");
    ChartPainter.paint(
        runs,
        options.pods() + " pods, " + options.shape() + " (grey: floor, orange: virtual kubelet)",
        out.resolve("report.png"));
    console.println(Serialization.asJson(report));
    console.println("wrote " + out.resolve("report.json") + " and " + out.resolve("report.png"));
  }

  private static Map<String, Object> figures(RunResult run) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("allReadySeconds", run.allReadySeconds());
    figures.put("podsPerSecondToAllReady", run.podsPerSecond());
    figures.put(
        "latencySeconds",
        Map.of(
            "p50",
            run.percentile(50),
            "p90",
            run.percentile(90),
            "p99",
            run.percentile(99),
            "max",
            run.percentile(100)));
    figures.put("deleteSeconds", run.deleteSeconds());
    figures.put("deletesPerSecond", run.deletesPerSecond());
    if (run.apiRequests() != null) {
      figures.put("apiRequests", run.apiRequests());
      figures.put("apiRequestsByVerb", run.apiRequestsByVerb());
      figures.put(
          "apiRequestsPerPod", (double) (run.apiRequests() - run.apiWatches()) / run.pods());
      figures.put("peakRssMiB", run.peakRssMiB());
      figures.put("cpuSeconds", run.cpuSeconds());
    }
    return figures;
  }
}
