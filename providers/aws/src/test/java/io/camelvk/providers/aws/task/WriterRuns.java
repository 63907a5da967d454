package io.camelvk.providers.aws.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * Runs a {@code camelvk-volumes} container definition as a container runtime would, by this
 * machine's {@code sh}: its entry point and command, in a directory that stands for its working
 * directory (the volumes are mounted under it by their names).
 */
public final class WriterRuns {

  private WriterRuns() {}

  /** Runs the container's entry point and command in that directory: its exit code. */
  public static int run(ContainerDefinition writer, Path directory) {
    List<String> command = new ArrayList<>(writer.entryPoint());
    command.addAll(writer.command());
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getInputStream().transferTo(System.out);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return 137;
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 137;
    }
  }

  /** The regular files under the directory, by relative path, with their permissions. */
  public static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(file).toString(),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      }
    }
    return files;
  }
}
