package io.camelvk.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One control-plane component running as a child process, its output appended to a log file. It is
 * ended by its own process id: SIGTERM, then SIGKILL after a grace period.
 */
public final class ManagedProcess implements AutoCloseable {

  static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command}, writing its pid to {@code <workDir>/<name>.pid}. */
  public static ManagedProcess start(String name, List<String> command, Path workDir) {
    Path log = workDir.resolve(name + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      Files.writeString(workDir.resolve(name + ".pid"), Long.toString(process.pid()));
      return new ManagedProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.getFirst() + ")", e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** The last lines of the log, for error messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Fails with the log tail when the process has exited. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name
              + " exited with code "
              + process.exitValue()
              + "; last lines of "
              + log
              + ":\n"
              + logTail());
    }
  }

  @Override
  public void close() {
    stop(STOP_GRACE);
  }

  /**
   * Sends SIGTERM, waits up to {@code grace}, then sends SIGKILL.
   *
   * @return false when it took SIGKILL
   */
  public boolean stop(Duration grace) {
    if (!process.isAlive()) {
      return true;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return name + "[pid " + process.pid() + "]";
  }

  /**
   * Stops processes at the same time (each SIGTERM, then SIGKILL after its grace), so that a slow
   * one does not add its grace period to the others'.
   */
  static void stopTogether(List<ManagedProcess> toStop) {
    List<Thread> stopping = toStop.stream().map(p -> Thread.ofVirtual().start(p::close)).toList();
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        toStop.forEach(ManagedProcess::close);
        return;
      }
    }
  }
}
