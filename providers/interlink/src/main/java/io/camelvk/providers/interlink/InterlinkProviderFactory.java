package io.camelvk.providers.interlink;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.config.GoDuration;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderContext;
import io.camelvk.provider.ProviderFactory;
import io.camelvk.provider.http.BackendTls;
import io.camelvk.provider.http.HttpBackendSettings;
import io.camelvk.providers.interlink.transport.HttpTransport;
import io.camelvk.providers.interlink.transport.InterlinkTransport;
import io.camelvk.providers.interlink.transport.UnixSocketTransport;
import io.fabric8.kubernetes.api.model.Quantity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * Makes the interlink provider from its {@code vk.provider.interlink.*} properties: the backend's
 * URL and TLS, credentials and timeouts as every HTTP provider reads them ({@link
 * HttpBackendSettings}), the {@link InterlinkDialect}, {@code state-dir} and {@code
 * status-max-age}.
 */
public final class InterlinkProviderFactory implements ProviderFactory {

  /** interLink's own default. */
  public static final String DEFAULT_URL = "unix:///var/run/interlink.sock";

  public static final String STATE_DIR = "state-dir";
  public static final String STATUS_MAX_AGE = "status-max-age";

  /** How long one {@code /status} answer serves every pod: under the core's 5 s poll period. */
  public static final Duration DEFAULT_STATUS_MAX_AGE = Duration.ofSeconds(2);

  @Override
  public String name() {
    return InterlinkProvider.NAME;
  }

  @Override
  public Provider create(ProviderContext context) {
    Map<String, String> properties =
        InterlinkConfigFile.merged(context.configFile(), context.properties());
    HttpBackendSettings backend =
        HttpBackendSettings.fromProperties(InterlinkProvider.NAME, properties);
    InterlinkDialect dialect = InterlinkDialect.fromProperties(properties);
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    InterlinkTransport transport = transport(backend.url().orElse(DEFAULT_URL), backend);
    InterlinkClient client = new InterlinkClient(transport, dialect, json);
    JobLedger ledger =
        new JobLedger(
            text(properties, STATE_DIR).map(Path::of).orElseGet(() -> defaultStateDir(context)),
            json);
    Duration maxAge =
        text(properties, STATUS_MAX_AGE).map(GoDuration::parse).orElse(DEFAULT_STATUS_MAX_AGE);
    StatusBatch statuses = new StatusBatch(client, ledger, context.clock(), maxAge);
    BackendHealth health = new BackendHealth(client, capacity(properties));
    return new InterlinkProvider(transport, client, ledger, statuses, health, dialect);
  }

  static InterlinkTransport transport(String url, HttpBackendSettings backend) {
    if (url.startsWith("unix://")) {
      return new UnixSocketTransport(
          Path.of(url.substring("unix://".length())),
          backend.readTimeout(),
          backend.credentials()::authorization,
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("interlink-read-timeout").daemon().factory()));
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "vk.provider.interlink.url is '" + url + "'; expected unix://, http:// or https://");
    }
    Optional<SSLContext> tls =
        backend.customTls()
            ? Optional.of(
                BackendTls.context(
                    backend.caFile(), backend.clientCertificateFile(), backend.clientKeyFile()))
            : Optional.empty();
    return new HttpTransport(
        URI.create(url),
        tls,
        backend.connectTimeout(),
        backend.readTimeout(),
        backend.credentials()::authorization);
  }

  /**
   * Under the temporary directory, per node: it outlives a restart of the kubelet's process (in a
   * container, a restart of the container keeps it only on a volume: set {@code state-dir} there).
   */
  static Path defaultStateDir(ProviderContext context) {
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        "camel-virtual-kubelet",
        "interlink",
        context.nodeName());
  }

  /** The default capacity, with {@code capacity-cpu}, {@code -memory} and {@code -pods} over it. */
  static Map<String, Quantity> capacity(Map<String, String> properties) {
    Map<String, Quantity> capacity = new LinkedHashMap<>(NodeProfile.DEFAULT.capacity());
    Map.of(
            InterlinkConfigFile.CPU, "cpu",
            InterlinkConfigFile.MEMORY, "memory",
            InterlinkConfigFile.PODS, "pods")
        .forEach(
            (key, resource) ->
                text(properties, key)
                    .ifPresent(value -> capacity.put(resource, quantity(key, value))));
    return capacity;
  }

  private static Quantity quantity(String key, String value) {
    try {
      Quantity quantity = new Quantity(value);
      Quantity.getAmountInBytes(quantity);
      return quantity;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "vk.provider.interlink." + key + " is '" + value + "', which is no quantity");
    }
  }

  private static Optional<String> text(Map<String, String> properties, String key) {
    return Optional.ofNullable(properties.get(key)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
