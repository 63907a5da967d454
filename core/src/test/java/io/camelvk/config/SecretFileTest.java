package io.camelvk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

  @TempDir Path dir;

  @Test
  void theSecretIsReadWithoutItsLineEnd() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "  s3cret\n");

    assertThat(SecretFile.read(file)).isEqualTo("s3cret");
    assertThat(SecretFile.readAllowingEmpty(file)).isEqualTo("s3cret");
  }

  @Test
  void anEmptyFileIsRefusedUnlessEmptyIsAllowed() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");

    assertThatThrownBy(() -> SecretFile.read(empty)).hasMessage(empty + " is empty");
    assertThat(SecretFile.readAllowingEmpty(empty)).isEmpty();
  }

  @Test
  void aMissingFileIsNamedInTheError() {
    Path gone = dir.resolve("gone");

    assertThatThrownBy(() -> SecretFile.readAllowingEmpty(gone))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read the secret file " + gone);
  }
}
