package io.camelvk.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's top folder (the one with {@code mvnw}), whichever module's tests run: scripts,
 * {@code bin/} and docs are found from it.
 */
public final class ProjectRoot {

  private ProjectRoot() {}

  public static Path dir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
  }

  public static Path resolve(String path) {
    return dir().resolve(path);
  }
}
