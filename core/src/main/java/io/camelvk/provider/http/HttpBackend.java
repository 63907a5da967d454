package io.camelvk.provider.http;

import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * One provider's HTTP backend, ready to call: its base URL, TLS context, credentials and timeouts.
 * A YAML route gets it as a bean ({@link HttpBackendBuilder}) and reads it in expressions: {@code
 * toD: "${bean:webBackend.url}/getPods?${bean:webBackend.endpointOptions}"} and {@code setHeader
 * Authorization} from {@code ${bean:webBackend.authorization}}.
 */
public final class HttpBackend {

  private final String provider;
  private final String url;
  private final HttpBackendSettings settings;
  private final Optional<SSLContext> tls;
  private final String tlsBeanName;
  private final IllegalArgumentException problem;

  /**
   * @param url the base URL, without a trailing slash
   * @param tlsBeanName the name under which {@link #sslContextParameters()} is bound in Camel's
   *     registry, for camel-http's {@code sslContextParameters=#bean:<name>}
   */
  HttpBackend(String provider, String url, HttpBackendSettings settings, String tlsBeanName) {
    this.provider = provider;
    this.url = url;
    this.settings = settings;
    this.tls =
        settings.customTls()
            ? Optional.of(
                BackendTls.context(
                    settings.caFile(), settings.clientCertificateFile(), settings.clientKeyFile()))
            : Optional.empty();
    this.tlsBeanName = tlsBeanName;
    this.problem = null;
  }

  private HttpBackend(String provider, IllegalArgumentException problem) {
    this.provider = provider;
    this.url = null;
    this.settings = null;
    this.tls = Optional.empty();
    this.tlsBeanName = null;
    this.problem = problem;
  }

  /**
   * A backend whose settings are bad: every use throws {@code problem}. Camel makes a bean again,
   * without its properties, when its builder throws, and reports that second failure instead: the
   * builder hands this out, and the provider's first call ({@link #verify}) says what is wrong.
   */
  static HttpBackend misconfigured(String provider, IllegalArgumentException problem) {
    return new HttpBackend(provider, problem);
  }

  /**
   * @throws IllegalArgumentException naming the setting, when the settings are bad
   */
  public void verify() {
    if (problem != null) {
      throw new IllegalArgumentException(problem.getMessage(), problem);
    }
  }

  /**
   * A backend for a bean provider, from its {@code ProviderContext} properties.
   *
   * @throws IllegalArgumentException when the settings are bad or give no URL
   */
  public static HttpBackend of(String provider, HttpBackendSettings settings) {
    return new HttpBackend(
        provider,
        settings.url().orElseThrow(() -> missingUrl(provider, Optional.empty())),
        settings,
        tlsBeanName(provider));
  }

  static IllegalArgumentException missingUrl(String provider, Optional<String> variable) {
    return new IllegalArgumentException(
        "vk.provider."
            + provider
            + ".url is not set"
            + variable.map(name -> " (nor the environment variable " + name + ")").orElse("")
            + ": the backend's base URL, such as http://127.0.0.1:3000");
  }

  static String tlsBeanName(String provider) {
    return "vk-provider-" + provider + "-tls";
  }

  /** The base URL, without a trailing slash. */
  public String url() {
    verify();
    return url;
  }

  public HttpBackendSettings settings() {
    verify();
    return settings;
  }

  /** The TLS context for a custom CA or client certificate; empty for the JVM's defaults. */
  public Optional<SSLContext> sslContext() {
    verify();
    return tls;
  }

  /** Camel's form of {@link #sslContext()} (the JVM's default context when none is set). */
  public SSLContextParameters sslContextParameters() {
    verify();
    return tls.<SSLContextParameters>map(FixedSslContextParameters::new)
        .orElseGet(SSLContextParameters::new);
  }

  /**
   * The {@code Authorization} header's value for the next call, read from its file now; null for
   * none (Camel then sends no header).
   */
  public String authorization() {
    verify();
    return settings.credentials().authorization().orElse(null);
  }

  /**
   * camel-http endpoint options: the timeouts, the TLS context when one is set, and no exception
   * for a status of 300 or more (the routes read the status code).
   */
  public String endpointOptions() {
    verify();
    String timeouts =
        "connectTimeout="
            + settings.connectTimeout().toMillis()
            + "&responseTimeout="
            + settings.readTimeout().toMillis()
            + "&throwExceptionOnFailure=false";
    return tls.isPresent() ? timeouts + "&sslContextParameters=#bean:" + tlsBeanName : timeouts;
  }

  /** Names no secret: the credentials show as their kind and file. */
  @Override
  public String toString() {
    return problem != null
        ? "HttpBackend[" + provider + ", misconfigured: " + problem.getMessage() + "]"
        : "HttpBackend[" + provider + " at " + url + ", " + settings + "]";
  }
}
