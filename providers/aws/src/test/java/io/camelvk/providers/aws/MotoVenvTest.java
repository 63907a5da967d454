package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MotoVenvTest {

  @Test
  @Timeout(value = MotoServer.START_MINUTES, unit = TimeUnit.MINUTES)
  void aFailedInstallThrowsWithTheEndOfPipsLogAndLeavesNoMarker() throws IOException {
    // Under target/, not @TempDir: JUnit warns about the venv's symbolic link to the python3.
    Path target = Files.createTempDirectory(Path.of("target"), "moto-venv-failure-");
    try {
      MotoVenv venv = new MotoVenv(target, "moto[server]==0.0.0");

      assertThatThrownBy(venv::motoServer)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("failed with exit code")
          .hasMessageContaining("the end of " + target.toAbsolutePath().resolve("moto-pip.log"))
          .hasMessageContaining("moto[server]==0.0.0");
      assertThat(target.resolve("moto-venv").resolve("installed-moto[server]==0.0.0"))
          .doesNotExist();
    } finally {
      deleteTree(target);
    }
  }

  /** Deletes symbolic links, not what they point to. */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
