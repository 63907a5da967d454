package io.camelvk.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorCredentialsTest {

  @Test
  void embeddedCertificatesAreWrittenAsPemFilesAndNamedFilesPassedAsTheyAre(@TempDir Path dir)
      throws Exception {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:6443/")
            .withCaCertData(base64("CA PEM"))
            .withClientCertData(base64("CERT PEM"))
            .withClientKeyFile("/keys/client.key")
            .build();

    List<String> flags = FloorCredentials.flags(config, dir.resolve("floor"));

    assertThat(flags)
        .containsExactly(
            "--server",
            "https://127.0.0.1:6443/",
            "--ca-file",
            dir.resolve("floor/ca.crt").toString(),
            "--cert-file",
            dir.resolve("floor/client.crt").toString(),
            "--key-file",
            "/keys/client.key");
    assertThat(dir.resolve("floor/ca.crt")).hasContent("CA PEM");
    assertThat(dir.resolve("floor/client.crt")).hasContent("CERT PEM");
    assertThat(Files.getPosixFilePermissions(dir.resolve("floor")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE, OWNER_EXECUTE]");
  }

  @Test
  void aTokenGoesToAFile(@TempDir Path dir) throws Exception {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://cluster/")
            .withOauthToken("s3cret")
            .build();

    List<String> flags = FloorCredentials.flags(config, dir);

    assertThat(flags)
        .containsExactly(
            "--server", "https://cluster/", "--token-file", dir.resolve("token").toString());
    assertThat(dir.resolve("token")).hasContent("s3cret");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(UTF_8));
  }
}
