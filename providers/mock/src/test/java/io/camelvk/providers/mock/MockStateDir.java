package io.camelvk.providers.mock;

import io.camelvk.test.ForkedKubelet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A mock provider configuration whose pods outlive the process ({@code stateDir}), under {@code
 * target/forked-kubelets/<name>/}, for kubelets that are killed and started again.
 */
public record MockStateDir(Path configFile, Path stateDir) {

  /** Room for bursts far beyond the kubelet's default of 110 pods. */
  private static final String CAPACITY =
      "\"pods\": \"1000\", \"cpu\": \"1000\", \"memory\": \"4Ti\"";

  public static MockStateDir create(String name) {
    Path dir = ForkedKubelet.LOG_DIR.resolve(name).toAbsolutePath();
    try {
      Files.createDirectories(dir);
      Path config =
          Files.writeString(
              dir.resolve("mock-provider.json"),
              "{\"default\": {" + CAPACITY + ", \"stateDir\": \"state\"}}");
      return new MockStateDir(config, dir.resolve("state"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public MockJournal journal() {
    return new MockJournal(stateDir);
  }

  /** How many pods the backend holds now. */
  public long storedPods() {
    Path pods = stateDir.resolve("pods");
    if (!Files.isDirectory(pods)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(pods)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
