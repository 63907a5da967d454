package io.camelvk.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run directories of control planes whose owning JVM has died (a SIGKILL gives shutdown hooks no
 * chance): their components are ended by the pids recorded in the directory, then it is removed. A
 * pid is only signalled when that process's command line still names the run directory, so a
 * recycled pid is never hit.
 */
final class StaleRuns {

  static final String RUN_PREFIX = "run-";
  static final String OWNER_PID_FILE = "owner.pid";
  private static final Logger LOG = LoggerFactory.getLogger(StaleRuns.class);

  private StaleRuns() {}

  static void reap(Path workRoot) {
    if (!Files.isDirectory(workRoot)) {
      return;
    }
    try (Stream<Path> runs = Files.list(workRoot)) {
      runs.filter(d -> d.getFileName().toString().startsWith(RUN_PREFIX))
          .filter(StaleRuns::ownerIsGone)
          .forEach(StaleRuns::reapRun);
    } catch (IOException e) {
      LOG.warn("cannot scan {} for stale control planes: {}", workRoot, e.toString());
    }
  }

  static void recordOwner(Path runDir) {
    try {
      Files.writeString(
          runDir.resolve(OWNER_PID_FILE), Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean ownerIsGone(Path runDir) {
    return readPid(runDir.resolve(OWNER_PID_FILE))
        .flatMap(ProcessHandle::of)
        .map(h -> !h.isAlive())
        .orElse(true);
  }

  private static void reapRun(Path runDir) {
    try (Stream<Path> files = Files.list(runDir)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".pid"))
          .filter(f -> !f.getFileName().toString().equals(OWNER_PID_FILE))
          .forEach(f -> endIfStillOurs(f, runDir));
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", runDir, e.toString());
    }
    deleteRecursively(runDir);
  }

  private static void endIfStillOurs(Path pidFile, Path runDir) {
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(runDir.toString())).orElse(false))
        .ifPresent(
            h -> {
              LOG.info("ending {} (pid {}) left by a dead control-plane owner", pidFile, h.pid());
              h.destroyForcibly();
            });
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.toString());
    }
  }
}
