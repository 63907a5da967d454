package io.camelvk;

import io.camelvk.config.VkSettings;
import io.camelvk.kube.ClientSerialization;
import io.camelvk.kube.KubeconfigTokenRefresh;
import io.camelvk.metrics.ApiRequestCounter;
import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodStartupReconciler;
import io.camelvk.pod.PodTracker;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.provider.mapping.MappingFile;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running virtual kubelet, in this JVM: its Kubernetes client, the caches, the node, and Camel
 * Main running the routes. The CLI runs one until Ctrl-C; tests start and stop several.
 */
public final class KubeletProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletProcess.class);

  /** The routes that only the leader runs: the node's Lease and status, and the pods. */
  static final List<String> LEADER_ROUTES =
      List.of("node-status", "node-lease", "pod-status", "pod-events");

  /** What a leader that lost its Lease does by default: end the process, as kube components do. */
  public static final Runnable EXIT_ON_LOST_LEAD = () -> Runtime.getRuntime().halt(1);

  private final KubernetesClient client;
  private final KubeletBeans beans;
  private final Main main;
  private volatile KubeletLeadership leadership;

  private KubeletProcess(KubernetesClient client, KubeletBeans beans, Main main) {
    this.client = client;
    this.beans = beans;
    this.main = main;
  }

  /**
   * Creates the one client (its requests counted in the metrics), syncs the caches, starts Camel
   * with the core's and the providers' routes, wires the providers, registers the node, adopts or
   * cleans the providers' pods and starts the pod routes.
   */
  public static KubeletProcess start(
      Config config, VkSettings settings, ProviderSet providers, Clock clock) {
    return start(config, settings, providers, clock, EXIT_ON_LOST_LEAD);
  }

  /**
   * @param onLostLead run when this process led and lost the Lease (only with leader election)
   */
  public static KubeletProcess start(
      Config config, VkSettings settings, ProviderSet providers, Clock clock, Runnable onLostLead) {
    KubeletMetrics metrics = new KubeletMetrics();
    config.setMaxConcurrentRequests(settings.kubeApiConcurrency());
    config.setMaxConcurrentRequestsPerHost(settings.kubeApiConcurrency());
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(KubeconfigTokenRefresh.install(config, clock))
            .withKubernetesSerialization(ClientSerialization.create())
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor(
                        ApiRequestCounter.NAME, new ApiRequestCounter(metrics)))
            .build();
    KubeletProcess process;
    try {
      process =
          start(client, settings, new KubeletBeans(client, settings, providers, metrics, clock));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    try {
      if (settings.leaderElection().enabled()) {
        process.leadership =
            KubeletLeadership.start(
                client, settings.leaderElection(), process::serveAsLeader, onLostLead);
      } else {
        process.serveAsLeader();
      }
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private static KubeletProcess start(
      KubernetesClient client, VkSettings settings, KubeletBeans beans) {
    ClusterCache cache = beans.cache();
    PodWorkQueue queue = beans.queue();
    cache.onPodChange(queue::add);
    cache.onPodGone(beans::podGone);
    cache.onConfigChange(beans.configChanges());
    Main main = new Main();
    try {
      cache.start(settings.startupTimeout());
      main.configure()
          .withName("camel-virtual-kubelet")
          .withShutdownTimeout(seconds(settings.shutdownTimeout()))
          .withRoutesIncludePattern("classpath:routes/*.yaml," + beans.providerRoutePatterns())
          .withRoutesExcludePattern("classpath:" + MappingFile.BUNDLED);
      settings.asProperties().forEach(main::addInitialProperty);
      settings.providers().configFileProperties().forEach(main::addInitialProperty);
      settings.providers().properties().forEach(main::addInitialProperty);
      main.addInitialProperty("camel.server.enabled", "true");
      main.addInitialProperty("camel.server.port", Integer.toString(settings.metricsPort()));
      beans.bindTo(main);
      main.addMainListener(CamelSetUp.of(beans.kubeletApi(), beans.metrics()));
      main.start();
      beans.wire(main.getCamelContext());
    } catch (Exception e) {
      stopQuietly(main);
      beans.close();
      throw new IllegalStateException("cannot start: " + withRootCause(e), e);
    }
    LOG.info(
        "virtual kubelet {} started with providers {} (default {}), metrics on port {}",
        settings.node().nodeName(),
        beans.providers().names(),
        beans.providers().defaultName(),
        settings.metricsPort());
    return new KubeletProcess(client, beans, main);
  }

  private static void stopQuietly(Main main) {
    try {
      main.stop();
    } catch (Exception e) {
      LOG.debug("stopping after a failed start: {}", e.toString());
    }
  }

  /** Registers the node, then adopts the providers' pods or deletes those gone meanwhile. */
  private static void takeOver(KubeletBeans beans) {
    beans.node().register();
    new PodStartupReconciler(beans.cache(), beans.tracker(), beans.providers()).reconcile();
  }

  private void serveAsLeader() {
    takeOver(beans);
    for (String route : LEADER_ROUTES) {
      try {
        main.getCamelContext().getRouteController().startRoute(route);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start route " + route + ": " + e.getMessage(), e);
      }
    }
    LOG.info("serving the node and its pods as the leader");
  }

  private static int seconds(Duration timeout) {
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /** The process's own client. */
  public KubernetesClient client() {
    return client;
  }

  public CamelContext camel() {
    return main.getCamelContext();
  }

  public PodTracker tracker() {
    return beans.tracker();
  }

  /** The providers of the node, wired. */
  public Providers providers() {
    return beans.providers();
  }

  /** The core's count of provider calls by pod UID (kept with {@code --debug-provider-calls}). */
  public ProviderCallLedger providerCalls() {
    return beans.ledger();
  }

  /** True without leader election; with it, while this process holds the Lease. */
  public boolean leading() {
    return leadership == null || leadership.leading();
  }

  /**
   * Stops the routes (in-flight syncs finish, no new one starts), gives up the leader Lease, then
   * stops the caches and the client.
   */
  @Override
  public void close() {
    try {
      main.stop();
    } catch (Exception e) {
      LOG.warn("error while stopping the routes: {}", e.toString());
    }
    if (leadership != null) {
      leadership.close();
    }
    beans.close();
    client.close();
  }

  /**
   * The failure's message and, when it differs, its root cause's: Camel wraps a route file's
   * problem ("Error pre-parsing resource: ...") around the message that names it.
   */
  static String withRootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(failure.getMessage());
    return root == failure || root.getMessage() == null || message.contains(root.getMessage())
        ? message
        : message + ": " + root.getMessage();
  }
}
