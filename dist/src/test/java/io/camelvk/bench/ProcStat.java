package io.camelvk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time and peak resident memory, as Linux's /proc reports them. */
final class ProcStat {

  /** USER_HZ, which is 100 on every Linux platform the benchmark runs on. */
  private static final double CLOCK_TICKS_PER_SECOND = 100;

  private static final int UTIME = 11;
  private static final int STIME = 12;

  private ProcStat() {}

  /** User plus system CPU seconds of the process so far, its ended threads included. */
  static double cpuSeconds(long pid) throws IOException {
    return cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
  }

  /**
   * User plus system CPU seconds from the text of a {@code stat} file (a process's or a thread's);
   * the fields are counted after the name in parentheses, which may itself hold spaces.
   */
  static double cpuSeconds(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])) / CLOCK_TICKS_PER_SECOND;
  }

  /** Peak resident set (VmHWM) in MiB. */
  static long peakRssMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IOException("no VmHWM in /proc/" + pid + "/status");
  }
}
