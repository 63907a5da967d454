package io.camelvk.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The raw per-pod times of every run as {@code pods.csv}: run, mode, pod, then the seconds from the
 * run's first create to the pod's create, Ready and gone (empty when the bench did not see it).
 */
final class PodsCsv {

  static final String HEADER = "run,mode,pod,createdSeconds,readySeconds,goneSeconds";

  private PodsCsv() {}

  static void write(List<RunResult> runs, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file)) {
      write(runs, out);
    }
  }

  static void write(List<RunResult> runs, Writer out) throws IOException {
    out.write(HEADER + "\n");
    for (RunResult run : runs) {
      for (PodTimes pod : run.times().pods()) {
        out.write(line(run, pod) + "\n");
      }
    }
  }

  private static String line(RunResult run, PodTimes pod) {
    return String.join(
        ",",
        Integer.toString(run.index()),
        run.mode(),
        pod.pod(),
        seconds(pod.createdSeconds()),
        seconds(pod.readySeconds()),
        seconds(pod.goneSeconds()));
  }

  private static String seconds(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
  }
}
