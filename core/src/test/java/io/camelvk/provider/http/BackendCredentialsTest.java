package io.camelvk.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendCredentialsTest {

  @TempDir Path dir;

  @Test
  void aBearerTokenIsReadAgainOnEachCallSoThatARotatedOneIsUsedAtOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "first\n");
    BackendCredentials credentials = new BackendCredentials.BearerTokenFile(file);
    assertThat(credentials.authorization()).contains("Bearer first");

    Files.writeString(file, "second");

    assertThat(credentials.authorization()).contains("Bearer second");
  }

  @Test
  void basicCredentialsEncodeTheUserAndThePasswordFromItsFile() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "s3cret\n");

    assertThat(new BackendCredentials.BasicAuth("vk", file).authorization())
        .contains("Basic dms6czNjcmV0"); // base64("vk:s3cret")
  }

  @Test
  void noSecretShowsInToString() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "t0ken-value");
    Path password = Files.writeString(dir.resolve("password"), "s3cret");

    assertThat(new BackendCredentials.BearerTokenFile(token).toString())
        .doesNotContain("t0ken-value")
        .contains(token.toString());
    assertThat(new BackendCredentials.BasicAuth("vk", password).toString())
        .doesNotContain("s3cret");
  }

  @Test
  void anEmptyOrMissingSecretFileIsAClearError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");

    assertThatThrownBy(() -> new BackendCredentials.BearerTokenFile(empty).authorization())
        .hasMessage(empty + " is empty");
    assertThatThrownBy(
            () -> new BackendCredentials.BearerTokenFile(dir.resolve("gone")).authorization())
        .hasMessageContaining("cannot read the secret file");
  }

  @Test
  void noneSendsNoHeader() {
    assertThat(BackendCredentials.NONE.authorization()).isEmpty();
  }
}
