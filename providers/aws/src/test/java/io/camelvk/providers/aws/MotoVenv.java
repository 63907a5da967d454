package io.camelvk.providers.aws;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python virtual environment with {@code moto[server]} in it, under the module's {@code
 * target/}: made with a python3 (3.9 or later) from PATH and installed once; a marker file says the
 * install succeeded, and a file lock keeps two JVMs (surefire and failsafe, two modules) from
 * installing at once. pip's output goes to {@code target/moto-pip.log}.
 */
final class MotoVenv {

  static final String MOTO_VERSION = "5.2.6";

  private static final String REQUIREMENT = "moto[server]==" + MOTO_VERSION;
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
  private static final int LOG_TAIL_LINES = 40;

  private final Path target;
  private final Path dir;
  private final String requirement;

  MotoVenv(Path target, String requirement) {
    this.target = target.toAbsolutePath();
    this.dir = this.target.resolve("moto-venv");
    this.requirement = requirement;
  }

  /** The module's {@code target/}: the working directory of surefire and failsafe. */
  static MotoVenv inBuildDirectory() {
    return in(Path.of("target"));
  }

  /** Under another build directory. */
  static MotoVenv in(Path buildDirectory) {
    return new MotoVenv(buildDirectory, REQUIREMENT);
  }

  /** Installs moto unless a previous run did; returns the {@code moto_server} script. */
  Path motoServer() {
    synchronized (MotoVenv.class) { // a JVM's second lock of one file throws instead of waiting
      lockAndInstall();
    }
    return dir.resolve("bin").resolve("moto_server");
  }

  private void lockAndInstall() {
    try {
      Files.createDirectories(target);
      try (FileChannel channel =
          FileChannel.open(
              target.resolve("moto-venv.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        channel.lock(); // released when the channel closes
        if (!Files.isRegularFile(marker())) {
          install();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  private Path marker() {
    return dir.resolve("installed-" + requirement);
  }

  private void install() throws IOException {
    Path log = target.resolve("moto-pip.log");
    Files.deleteIfExists(log);
    String python = python3();
    run(List.of(python, "-m", "venv", "--clear", dir.toString()), log);
    run(
        List.of(
            dir.resolve("bin").resolve("python").toString(),
            "-m",
            "pip",
            "install",
            "--no-input",
            requirement),
        log);
    Files.writeString(marker(), requirement + System.lineSeparator());
  }

  private void run(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!process.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command + " did not end within " + INSTALL_TIMEOUT + "; " + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          command + " failed with exit code " + process.exitValue() + "; " + tail(log));
    }
  }

  /** The first python3 on PATH that is 3.9 or later. */
  private static String python3() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, "python3");
      if (Files.isExecutable(candidate) && recentEnough(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("no python3 of version 3.9 or later on PATH: " + path);
  }

  private static boolean recentEnough(Path python) {
    try {
      Process probe =
          new ProcessBuilder(
                  python.toString(),
                  "-c",
                  "import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!probe.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        probe.destroyForcibly();
        return false;
      }
      return probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last lines of a log, for an exception's message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return "the end of " + log + ":" + System.lineSeparator() + String.join("\n", last);
    } catch (IOException e) {
      return "no log at " + log;
    }
  }
}
