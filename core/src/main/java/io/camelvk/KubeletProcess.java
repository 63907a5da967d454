package io.camelvk;

import io.camelvk.config.VkSettings;
import io.camelvk.metrics.ApiRequestCounter;
import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodStartupReconciler;
import io.camelvk.pod.PodTracker;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
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
   * Creates the one client (its requests counted in the metrics), syncs the caches, registers the
   * node, adopts or cleans the provider's pods and starts the routes.
   */
  public static KubeletProcess start(
      Config config, VkSettings settings, Provider provider, Clock clock) {
    return start(config, settings, provider, clock, EXIT_ON_LOST_LEAD);
  }

  /**
   * @param onLostLead run when this process led and lost the Lease (only with leader election)
   */
  public static KubeletProcess start(
      Config config, VkSettings settings, Provider provider, Clock clock, Runnable onLostLead) {
    KubeletMetrics metrics = new KubeletMetrics();
    config.setMaxConcurrentRequests(settings.kubeApiConcurrency());
    config.setMaxConcurrentRequestsPerHost(settings.kubeApiConcurrency());
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor(
                        ApiRequestCounter.NAME, new ApiRequestCounter(metrics)))
            .build();
    try {
      KubeletProcess process =
          start(client, settings, new KubeletBeans(client, settings, provider, metrics, clock));
      if (settings.leaderElection().enabled()) {
        process.leadership =
            KubeletLeadership.start(
                client, settings.leaderElection(), process::serveAsLeader, onLostLead);
      }
      return process;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static KubeletProcess start(
      KubernetesClient client, VkSettings settings, KubeletBeans beans) {
    Provider provider = beans.provider();
    ClusterCache cache = beans.cache();
    PodWorkQueue queue = beans.queue();
    cache.onPodChange(queue::add);
    cache.onPodGone(beans::podGone);
    cache.onConfigChange(namespace -> requeueWaitingPods(beans, namespace));
    if (provider instanceof PodStatusNotifier notifier) {
      notifier.onPodStatusChange((namespace, name) -> queue.add(new PodKey(namespace, name)));
    }
    Main main = new Main();
    try {
      cache.start(settings.startupTimeout());
      if (!settings.leaderElection().enabled()) {
        takeOver(beans);
      }
      main.configure()
          .withName("camel-virtual-kubelet")
          .withShutdownTimeout(seconds(settings.shutdownTimeout()))
          .withRoutesIncludePattern(
              "classpath:routes/*.yaml,classpath:providers/" + provider.name() + "/*.yaml");
      settings.asProperties().forEach(main::addInitialProperty);
      main.addInitialProperty("camel.server.enabled", "true");
      main.addInitialProperty("camel.server.port", Integer.toString(settings.metricsPort()));
      beans.bindTo(main);
      main.addMainListener(startsWithCamel(beans.kubeletApi()));
      main.start();
    } catch (Exception e) {
      beans.close();
      throw new IllegalStateException("cannot start: " + e.getMessage(), e);
    }
    LOG.info(
        "virtual kubelet {} started with provider {}, metrics on port {}",
        settings.node().nodeName(),
        provider.name(),
        settings.metricsPort());
    return new KubeletProcess(client, beans, main);
  }

  /** Adds a service to Camel once configured: it starts now and stops with Camel. */
  private static MainListenerSupport startsWithCamel(Service service) {
    return new MainListenerSupport() {
      @Override
      public void afterConfigure(BaseMainSupport configured) {
        try {
          configured.getCamelContext().addService(service, true, true);
        } catch (Exception e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    };
  }

  /** Registers the node, then adopts the provider's pods or deletes those gone meanwhile. */
  private static void takeOver(KubeletBeans beans) {
    beans.node().register();
    new PodStartupReconciler(beans.cache(), beans.tracker(), beans.provider()).reconcile();
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

  private static void requeueWaitingPods(KubeletBeans beans, String namespace) {
    beans.cache().pods().stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .map(PodKey::of)
        .filter(key -> beans.tracker().get(key).isEmpty())
        .forEach(beans.queue()::add);
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
}
