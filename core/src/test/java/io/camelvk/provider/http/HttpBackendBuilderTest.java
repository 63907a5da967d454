package io.camelvk.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.controlplane.CertificateAuthority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpBackendBuilderTest {

  @TempDir Path dir;
  private final DefaultCamelContext camel = new DefaultCamelContext();

  @AfterEach
  void stopCamel() {
    camel.stop();
  }

  @Test
  void readsTheProvidersPropertiesFromCamel() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "t0ken-value");
    HttpBackend backend =
        build(
            Map.of(
                "vk.provider.web.url",
                "http://b:3000/",
                "vk.provider.web.token-file",
                token.toString()),
            null);

    assertThat(backend.url()).isEqualTo("http://b:3000");
    assertThat(backend.authorization()).isEqualTo("Bearer t0ken-value");
    assertThat(backend.endpointOptions())
        .isEqualTo("connectTimeout=5000&responseTimeout=30000&throwExceptionOnFailure=false");
    assertThat(backend.toString()).doesNotContain("t0ken-value");
  }

  @Test
  void theUrlFallsBackToTheEnvironmentVariable() {
    HttpBackendBuilder builder = builder(Map.of());
    builder.setUrlEnvironmentVariable("WEB_ENDPOINT_URL");
    builder.setEnvironment(Map.of("WEB_ENDPOINT_URL", "http://from-env:3000")::get);

    assertThat(builder.build().url()).isEqualTo("http://from-env:3000");
  }

  @Test
  void thePropertyWinsOverTheEnvironmentVariable() {
    HttpBackendBuilder builder = builder(Map.of("vk.provider.web.url", "http://property"));
    builder.setUrlEnvironmentVariable("WEB_ENDPOINT_URL");
    builder.setEnvironment(Map.of("WEB_ENDPOINT_URL", "http://from-env:3000")::get);

    assertThat(builder.build().url()).isEqualTo("http://property");
  }

  @Test
  void theConfigFileGivesSettingsThatPropertiesOverrideAndThatWinOverTheVariable()
      throws IOException {
    Path file =
        Files.writeString(dir.resolve("web.yaml"), "url: http://from-file\nread-timeout: 2s\n");
    HttpBackendBuilder builder =
        builder(
            Map.of(
                "vk.provider.web.config", file.toString(), "vk.provider.web.read-timeout", "3s"));
    builder.setUrlEnvironmentVariable("WEB_ENDPOINT_URL");
    builder.setEnvironment(Map.of("WEB_ENDPOINT_URL", "http://from-env")::get);

    HttpBackend backend = builder.build();

    assertThat(backend.url()).isEqualTo("http://from-file");
    assertThat(backend.settings().readTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
  }

  @Test
  void anUnknownKeyInTheConfigFileIsRefusedNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("web.json"), "{\"uri\": \"http://typo\"}");

    HttpBackend backend = builder(Map.of("vk.provider.web.config", file.toString())).build();

    assertThatThrownBy(backend::verify).hasMessageContaining("unknown setting 'uri'");
    assertThatThrownBy(backend::url).hasMessageContaining("unknown setting 'uri'");
  }

  @Test
  void withoutAUrlTheMessageNamesThePropertyAndTheVariable() {
    HttpBackendBuilder builder = builder(Map.of());
    builder.setUrlEnvironmentVariable("WEB_ENDPOINT_URL");
    builder.setEnvironment(name -> null);

    HttpBackend backend = builder.build();

    assertThatThrownBy(backend::verify)
        .hasMessageStartingWith(
            "vk.provider.web.url is not set (nor the environment variable WEB_ENDPOINT_URL)");
  }

  @Test
  void aCustomCaBindsTheTlsParametersThatTheEndpointOptionsName() throws Exception {
    Path ca = dir.resolve("ca.pem");
    CertificateAuthority.create("ca")
        .issueServer("b", java.util.List.of("b"), java.util.List.of())
        .writePem(ca, dir.resolve("key.pem"));

    HttpBackend backend =
        build(
            Map.of("vk.provider.web.url", "https://b", "vk.provider.web.ca-file", ca.toString()),
            null);

    assertThat(backend.sslContext()).isPresent();
    assertThat(backend.endpointOptions())
        .endsWith("&sslContextParameters=#bean:vk-provider-web-tls");
    assertThat(
            camel
                .getRegistry()
                .lookupByNameAndType("vk-provider-web-tls", SSLContextParameters.class)
                .createSSLContext(camel))
        .isSameAs(backend.sslContext().get());
  }

  private HttpBackend build(Map<String, String> properties, String variable) {
    HttpBackendBuilder builder = builder(properties);
    builder.setUrlEnvironmentVariable(variable);
    return builder.build();
  }

  private HttpBackendBuilder builder(Map<String, String> properties) {
    Properties initial = new Properties();
    initial.putAll(properties);
    camel.getPropertiesComponent().setInitialProperties(initial);
    HttpBackendBuilder builder = new HttpBackendBuilder();
    builder.setCamelContext(camel);
    builder.setProvider("web");
    builder.setEnvironment(name -> null);
    return builder;
  }
}
