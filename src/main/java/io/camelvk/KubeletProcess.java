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

  private final KubernetesClient client;
  private final KubeletBeans beans;
  private final Main main;

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
      return start(client, settings, new KubeletBeans(client, settings, provider, metrics, clock));
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
      beans.node().register();
      new PodStartupReconciler(cache, beans.tracker(), provider).reconcile();
      main.configure()
          .withName("camel-virtual-kubelet")
          .withRoutesIncludePattern(
              "classpath:routes/*.yaml,classpath:providers/" + provider.name() + "/*.yaml");
      settings.asProperties().forEach(main::addInitialProperty);
      main.addInitialProperty("camel.server.enabled", "true");
      main.addInitialProperty("camel.server.port", Integer.toString(settings.metricsPort()));
      beans.bindTo(main);
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

  /** Stops the routes (in-flight syncs finish), then the caches and the client. */
  @Override
  public void close() {
    try {
      main.stop();
    } catch (Exception e) {
      LOG.warn("error while stopping the routes: {}", e.toString());
    }
    beans.close();
    client.close();
  }
}
