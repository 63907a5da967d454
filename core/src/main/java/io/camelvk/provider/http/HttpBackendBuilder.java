package io.camelvk.provider.http;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;

/**
 * Makes a provider's {@link HttpBackend} in a YAML route file, from the provider's {@code
 * vk.provider.<name>.*} properties, over the settings of its configuration file ({@code
 * vk.provider.<name>.config}, or {@code --provider-config} for the default provider; {@link
 * HttpBackendConfigFile}), over the URL's environment variable:
 *
 * <pre>
 * - beans:
 *     - name: webBackend
 *       type: io.camelvk.provider.http.HttpBackend
 *       builderClass: io.camelvk.provider.http.HttpBackendBuilder
 *       properties:
 *         provider: web
 *         urlEnvironmentVariable: WEB_ENDPOINT_URL
 * </pre>
 *
 * It binds the backend's TLS parameters in Camel's registry as {@code vk-provider-<name>-tls}, the
 * name {@link HttpBackend#endpointOptions()} refers to.
 */
public final class HttpBackendBuilder implements CamelContextAware {

  private CamelContext camelContext;
  private String provider;
  private String urlEnvironmentVariable;
  private Function<String, String> environment = System::getenv;

  public void setProvider(String provider) {
    this.provider = provider;
  }

  /** An environment variable the URL is read from when {@code vk.provider.<name>.url} is unset. */
  public void setUrlEnvironmentVariable(String name) {
    this.urlEnvironmentVariable = name;
  }

  void setEnvironment(Function<String, String> environment) {
    this.environment = environment;
  }

  private Optional<String> property(String key) {
    return camelContext
        .getPropertiesComponent()
        .resolveProperty("vk.provider." + provider + "." + key);
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  /**
   * The backend; one whose settings are bad (no URL, a missing file) throws from {@link
   * HttpBackend#verify} and from every other use, naming the setting.
   */
  public HttpBackend build() {
    if (provider == null || camelContext == null) {
      throw new IllegalStateException("HttpBackendBuilder needs the provider and a CamelContext");
    }
    try {
      HttpBackend backend = configured();
      camelContext
          .getRegistry()
          .bind(HttpBackend.tlsBeanName(provider), backend.sslContextParameters());
      return backend;
    } catch (IllegalArgumentException e) {
      return HttpBackend.misconfigured(provider, e);
    }
  }

  private HttpBackend configured() {
    Map<String, String> properties = new LinkedHashMap<>();
    property("config")
        .filter(file -> !file.isBlank())
        .ifPresent(file -> properties.putAll(HttpBackendConfigFile.read(provider, Path.of(file))));
    for (String key : HttpBackendSettings.KEYS) {
      property(key)
          .filter(value -> !value.isBlank())
          .ifPresent(value -> properties.put(key, value));
    }
    Optional<String> variable = Optional.ofNullable(urlEnvironmentVariable);
    if (properties.getOrDefault(HttpBackendSettings.URL, "").isBlank()) {
      variable
          .map(environment)
          .filter(url -> !url.isBlank())
          .ifPresent(url -> properties.put(HttpBackendSettings.URL, url));
    }
    HttpBackendSettings settings = HttpBackendSettings.fromProperties(provider, properties);
    return new HttpBackend(
        provider,
        settings.url().orElseThrow(() -> HttpBackend.missingUrl(provider, variable)),
        settings,
        HttpBackend.tlsBeanName(provider));
  }
}
