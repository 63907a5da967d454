package io.camelvk.provider.http;

import io.camelvk.config.GoDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one provider's HTTP backend, from its {@code vk.provider.<name>.*} properties (given
 * here without that prefix): see {@link #KEYS}. Holds file paths, never a secret.
 *
 * @param url the backend's base URL, without a trailing slash; empty when not configured
 * @param caFile a PEM file of the CA(s) the backend's certificate is checked against
 * @param clientCertificateFile a PEM client certificate (chain) for mutual TLS
 * @param clientKeyFile its PEM private key
 * @param credentials what goes in the {@code Authorization} header
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long the backend may take to answer
 */
public record HttpBackendSettings(
    Optional<String> url,
    Optional<Path> caFile,
    Optional<Path> clientCertificateFile,
    Optional<Path> clientKeyFile,
    BackendCredentials credentials,
    Duration connectTimeout,
    Duration readTimeout) {

  /** Time to open a connection: a backend that does not accept by then is taken as down. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Time for an answer: well under the core's provider-call timeout (1 min), so that a slow backend
   * fails the call with a clear error rather than a timeout.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  public static final String URL = "url";
  public static final String CA_FILE = "ca-file";
  public static final String CLIENT_CERT_FILE = "client-cert-file";
  public static final String CLIENT_KEY_FILE = "client-key-file";
  public static final String TOKEN_FILE = "token-file";
  public static final String USERNAME = "username";
  public static final String PASSWORD_FILE = "password-file";
  public static final String CONNECT_TIMEOUT = "connect-timeout";
  public static final String READ_TIMEOUT = "read-timeout";

  /** The property names read, without the {@code vk.provider.<name>.} prefix. */
  public static final List<String> KEYS =
      List.of(
          URL,
          CA_FILE,
          CLIENT_CERT_FILE,
          CLIENT_KEY_FILE,
          TOKEN_FILE,
          USERNAME,
          PASSWORD_FILE,
          CONNECT_TIMEOUT,
          READ_TIMEOUT);

  /**
   * @param provider the provider's name, for the messages
   * @param properties its {@code vk.provider.<name>.*} properties without the prefix; blank values
   *     count as unset
   * @throws IllegalArgumentException naming the property, when a value is bad, a file is missing,
   *     or settings that go together are not given together
   */
  public static HttpBackendSettings fromProperties(
      String provider, Map<String, String> properties) {
    PropertyReader read = new PropertyReader(provider, properties);
    Optional<Path> certificate = read.file(CLIENT_CERT_FILE);
    Optional<Path> key = read.file(CLIENT_KEY_FILE);
    if (certificate.isPresent() != key.isPresent()) {
      throw read.bad(
          certificate.isPresent() ? CLIENT_KEY_FILE : CLIENT_CERT_FILE,
          "is needed with "
              + read.name(certificate.isPresent() ? CLIENT_CERT_FILE : CLIENT_KEY_FILE));
    }
    return new HttpBackendSettings(
        read.text(URL).map(HttpBackendSettings::withoutTrailingSlash),
        read.file(CA_FILE),
        certificate,
        key,
        credentials(read),
        read.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
        read.duration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT));
  }

  /** Whether a CA or a client certificate is set: the JVM's TLS defaults do not do. */
  public boolean customTls() {
    return caFile.isPresent() || clientCertificateFile.isPresent();
  }

  private static BackendCredentials credentials(PropertyReader read) {
    Optional<Path> token = read.file(TOKEN_FILE);
    Optional<String> user = read.text(USERNAME);
    Optional<Path> password = read.file(PASSWORD_FILE);
    if (token.isPresent() && user.isPresent()) {
      throw read.bad(TOKEN_FILE, "and " + read.name(USERNAME) + " exclude each other");
    }
    if (user.isPresent() != password.isPresent()) {
      throw read.bad(
          user.isPresent() ? PASSWORD_FILE : USERNAME,
          "is needed with " + read.name(user.isPresent() ? USERNAME : PASSWORD_FILE));
    }
    if (token.isPresent()) {
      return new BackendCredentials.BearerTokenFile(token.get());
    }
    return user.<BackendCredentials>map(u -> new BackendCredentials.BasicAuth(u, password.get()))
        .orElse(BackendCredentials.NONE);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private record PropertyReader(String provider, Map<String, String> properties) {

    String name(String key) {
      return "vk.provider." + provider + "." + key;
    }

    IllegalArgumentException bad(String key, String problem) {
      return new IllegalArgumentException(name(key) + " " + problem);
    }

    Optional<String> text(String key) {
      return Optional.ofNullable(properties.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    Optional<Path> file(String key) {
      Optional<Path> file = text(key).map(Path::of);
      if (file.isPresent() && !Files.isReadable(file.get())) {
        throw bad(key, "names " + file.get() + ", which is not a readable file");
      }
      return file;
    }

    Duration duration(String key, Duration fallback) {
      try {
        Duration value = text(key).map(GoDuration::parse).orElse(fallback);
        if (value.isZero()) {
          throw new IllegalArgumentException("must be more than 0");
        }
        return value;
      } catch (IllegalArgumentException e) {
        throw bad(key, "is not a duration such as 5s or 500ms: " + e.getMessage());
      }
    }
  }
}
