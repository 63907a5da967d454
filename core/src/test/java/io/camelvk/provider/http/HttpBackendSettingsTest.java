package io.camelvk.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpBackendSettingsTest {

  @TempDir Path dir;

  @Test
  void withoutPropertiesTheTimeoutsAreTheDefaultsAndNothingElseIsSet() {
    HttpBackendSettings settings = HttpBackendSettings.fromProperties("web", Map.of());

    assertThat(settings.url()).isEmpty();
    assertThat(settings.customTls()).isFalse();
    assertThat(settings.credentials()).isEqualTo(BackendCredentials.NONE);
    assertThat(settings.connectTimeout()).isEqualTo(HttpBackendSettings.DEFAULT_CONNECT_TIMEOUT);
    assertThat(settings.readTimeout()).isEqualTo(HttpBackendSettings.DEFAULT_READ_TIMEOUT);
  }

  @Test
  void readsTheUrlWithoutItsTrailingSlashAndTheTimeoutsAsGoDurations() {
    HttpBackendSettings settings =
        HttpBackendSettings.fromProperties(
            "web",
            Map.of(
                "url", "https://backend:3000/", "connect-timeout", "750ms", "read-timeout", "2m"));

    assertThat(settings.url()).contains("https://backend:3000");
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void blankValuesCountAsUnset() {
    HttpBackendSettings settings =
        HttpBackendSettings.fromProperties("web", Map.of("url", " ", "token-file", ""));

    assertThat(settings.url()).isEmpty();
    assertThat(settings.credentials()).isEqualTo(BackendCredentials.NONE);
  }

  @Test
  void aTokenFileMeansBearerCredentials() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "abc\n");

    assertThat(
            HttpBackendSettings.fromProperties("web", Map.of("token-file", token.toString()))
                .credentials())
        .isEqualTo(new BackendCredentials.BearerTokenFile(token));
  }

  @Test
  void aUserAndPasswordFileMeanBasicCredentials() throws IOException {
    Path password = Files.writeString(dir.resolve("password"), "s3cret");

    assertThat(
            HttpBackendSettings.fromProperties(
                    "web", Map.of("username", "vk", "password-file", password.toString()))
                .credentials())
        .isEqualTo(new BackendCredentials.BasicAuth("vk", password));
  }

  @Test
  void refusesSettingsThatGoTogetherGivenAlone() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");

    assertThatThrownBy(
            () ->
                HttpBackendSettings.fromProperties(
                    "web", Map.of("client-cert-file", file.toString())))
        .hasMessage(
            "vk.provider.web.client-key-file is needed with vk.provider.web.client-cert-file");
    assertThatThrownBy(() -> HttpBackendSettings.fromProperties("web", Map.of("username", "vk")))
        .hasMessage("vk.provider.web.password-file is needed with vk.provider.web.username");
    assertThatThrownBy(
            () ->
                HttpBackendSettings.fromProperties(
                    "web",
                    Map.of(
                        "token-file", file.toString(),
                        "username", "vk",
                        "password-file", file.toString())))
        .hasMessage("vk.provider.web.token-file and vk.provider.web.username exclude each other");
  }

  @Test
  void refusesAMissingFileAndABadDurationNamingTheProperty() {
    assertThatThrownBy(
            () -> HttpBackendSettings.fromProperties("web", Map.of("ca-file", "/no/such/ca.pem")))
        .hasMessage("vk.provider.web.ca-file names /no/such/ca.pem, which is not a readable file");
    assertThatThrownBy(
            () -> HttpBackendSettings.fromProperties("web", Map.of("read-timeout", "soon")))
        .hasMessageStartingWith("vk.provider.web.read-timeout is not a duration");
    assertThatThrownBy(
            () -> HttpBackendSettings.fromProperties("web", Map.of("connect-timeout", "0")))
        .hasMessageContaining("must be more than 0");
  }
}
