package io.camelvk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A kubelet under test as a child process of the benchmark, its output in a log file: its CPU time
 * and memory are its own. Closing it sends SIGTERM, then SIGKILL after a grace period; so does the
 * benchmark's exit.
 */
final class BenchProcess implements AutoCloseable {

  private static final long STOP_GRACE_SECONDS = 30;

  private final Process process;
  private final long startedAt;
  // A bench killed before close() must not leave the kubelet running.
  private final Thread stopAtExit;

  private BenchProcess(Process process, long startedAt) {
    this.process = process;
    this.startedAt = startedAt;
    this.stopAtExit = new Thread(process::destroy, "bench-kubelet-stop");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  static BenchProcess start(ProcessBuilder launcher, Path log) throws IOException {
    long startedAt = System.nanoTime();
    Process process = launcher.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new BenchProcess(process, startedAt);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Seconds since just before the process was started. */
  double secondsSinceStart() {
    return (System.nanoTime() - startedAt) / 1e9;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException exiting) {
      // the hook runs anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
