package io.camelvk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a process's CPU went, by thread: the CPU seconds of its live threads, grouped by name with
 * the trailing number dropped, so that a pool's threads add up. Linux keeps 15 characters of a
 * thread's name, so the JVM's "C2 CompilerThread0" is "C2 CompilerThre" and Vert.x's event loops
 * are "vert.x-eventloo".
 */
final class ThreadCpu {

  static final int TOP_GROUPS = 12;

  private ThreadCpu() {}

  /** One thread's name and CPU seconds. */
  record Sample(String name, double cpuSeconds) {}

  /** The {@link #TOP_GROUPS} groups of the process's threads that used the most CPU. */
  static Map<String, Double> top(long pid) throws IOException {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          samples.add(
              new Sample(
                  Files.readString(task.resolve("comm")).strip(),
                  ProcStat.cpuSeconds(Files.readString(task.resolve("stat")))));
        } catch (IOException threadEnded) {
          // a thread that ended while listed has nothing left to count
        }
      }
    }
    return top(samples, TOP_GROUPS);
  }

  /** The {@code limit} groups with the most CPU seconds, most first, to 0.01 s. */
  static Map<String, Double> top(List<Sample> samples, int limit) {
    Map<String, Double> groups = new TreeMap<>();
    samples.forEach(s -> groups.merge(groupName(s.name()), s.cpuSeconds(), Double::sum));
    Map<String, Double> top = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
    return top;
  }

  /** The thread's name without its trailing number: "GC Thread#3" is in "GC Thread#". */
  static String groupName(String thread) {
    String group = thread.replaceFirst("[0-9]+$", "");
    return group.isEmpty() ? thread : group;
  }
}
