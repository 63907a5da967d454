package io.camelvk.config;

import io.camelvk.node.NodeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the command line, the environment and the {@code vk.*} properties decided, already
 * validated.
 */
public record VkSettings(
    NodeSettings node,
    ProviderSettings providers,
    int podSyncWorkers,
    Duration fullResyncPeriod,
    Duration startupTimeout,
    String logLevel,
    int metricsPort,
    int kubeApiConcurrency,
    Duration shutdownTimeout,
    LeaderElectionSettings leaderElection,
    KubeletApiSettings kubeletApi,
    boolean normalEvents) {

  /**
   * Pods synced at once: as many as the client's concurrent requests, because a sync mostly waits
   * for one (the Go virtual-kubelet's 10 made a 10,000-pod burst wait in the queue: p50 create to
   * Ready 27 s instead of 15 s, at more CPU; docs/performance.md).
   */
  public static final int DEFAULT_POD_SYNC_WORKERS = 64;

  /** Concurrent requests of our client to the API server (fabric8's own default is 5 per host). */
  public static final int DEFAULT_KUBE_API_CONCURRENCY = 64;

  /** The Go virtual-kubelet's metrics address is {@code :10255}. */
  public static final int DEFAULT_METRICS_PORT = 10255;

  public static final Duration DEFAULT_FULL_RESYNC_PERIOD = Duration.ofMinutes(1);

  /**
   * How long a stop (SIGTERM) may take: the syncs in flight finish, no new one starts. Camel's own
   * graceful shutdown timeout (45 s) is set to it; the kubelet's pod grace period is 30 s.
   */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One provider ({@code node.providerName()}), default provider-call and shutdown timeouts, no
   * leader election.
   */
  public VkSettings(
      NodeSettings node,
      Optional<Path> providerConfig,
      int podSyncWorkers,
      Duration fullResyncPeriod,
      Duration startupTimeout,
      String logLevel,
      int metricsPort,
      int kubeApiConcurrency) {
    this(
        node,
        ProviderSettings.only(node.providerName(), providerConfig),
        podSyncWorkers,
        fullResyncPeriod,
        startupTimeout,
        logLevel,
        metricsPort,
        kubeApiConcurrency,
        DEFAULT_SHUTDOWN_TIMEOUT,
        LeaderElectionSettings.disabled(node.nodeName()),
        KubeletApiSettings.DEFAULT,
        true);
  }

  public VkSettings withProviders(ProviderSettings changed) {
    return new VkSettings(
        node,
        changed,
        podSyncWorkers,
        fullResyncPeriod,
        startupTimeout,
        logLevel,
        metricsPort,
        kubeApiConcurrency,
        shutdownTimeout,
        leaderElection,
        kubeletApi,
        normalEvents);
  }

  public VkSettings withProviderConfig(Path file) {
    return withProviders(providers.withConfigFile(providers.defaultName(), file));
  }

  public VkSettings withProviderCallTimeout(Duration timeout) {
    return withProviders(providers.withCallTimeout(timeout));
  }

  public VkSettings withKubeletApi(KubeletApiSettings api) {
    return new VkSettings(
        node,
        providers,
        podSyncWorkers,
        fullResyncPeriod,
        startupTimeout,
        logLevel,
        metricsPort,
        kubeApiConcurrency,
        shutdownTimeout,
        leaderElection,
        api,
        normalEvents);
  }

  /** Normal events (Created, Started, Killing...) off, for nodes of many short pods. */
  public VkSettings withoutNormalEvents() {
    return new VkSettings(
        node,
        providers,
        podSyncWorkers,
        fullResyncPeriod,
        startupTimeout,
        logLevel,
        metricsPort,
        kubeApiConcurrency,
        shutdownTimeout,
        leaderElection,
        kubeletApi,
        false);
  }

  /** The default provider: {@code --provider}. */
  public String providerName() {
    return providers.defaultName();
  }

  /** The default provider's configuration file: {@code --provider-config}. */
  public Optional<Path> providerConfig() {
    return providers.configFile(providers.defaultName());
  }

  /** The settings as {@code vk.*} properties, so that routes can use {@code {{vk.node.name}}}. */
  public Map<String, String> asProperties() {
    return Map.of(
        "vk.node.name", node.nodeName(),
        "vk.shutdown-timeout-millis", Long.toString(shutdownTimeout.toMillis()),
        "vk.node.os", node.operatingSystem(),
        "vk.provider", providers.defaultName(),
        "vk.providers", String.join(",", providers.names()),
        "vk.pod.sync-workers", Integer.toString(podSyncWorkers),
        "vk.pod.full-resync-period", Long.toString(fullResyncPeriod.toMillis()),
        "vk.kubelet.port", Integer.toString(node.kubeletPort()));
  }
}
